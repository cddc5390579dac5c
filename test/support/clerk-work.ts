/** What the clerk tests share: a JOB-01 form that passes the item's checks, and polling for an outcome (./until.ts). */

export const JOB_FORM = { education: 'junior', phone: '13812345678', address: '北格镇张花村东街18号', wantedJob: '保洁员', wantedPlace: 'county', availableFrom: new Date().toLocaleDateString('sv-SE') };

export { until } from './until';
