import type { Migration } from './migration';

/**
 * An inquiry taken on a home visit names the resident's village group (村民小组), as the visit's submissions do. It
 * says where a person lives, so it is sealed like the topic.
 */
export const migration011: Migration = {
  version: 11,
  name: 'inquiry-village-group',
  up: `
    ALTER TABLE inquiries ADD COLUMN village_group_enc BLOB;
  `,
};
