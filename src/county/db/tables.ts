import type { Generated } from 'kysely';

/**
 * The county's tables as the query builder sees them: one definition for SQLite and PostgreSQL (schema.ts creates
 * them). Times the gateway compares in SQL are ISO strings or epoch milliseconds; flags are 0/1 integers so both
 * engines read them alike.
 */
export interface CountyTables {
  kiosks: { id: string; secret: string };
  items: {
    arrival: Generated<number>;
    id: string;
    kiosk_id: string;
    kind: string;
    resident_ref: string | null;
    created_at: string;
    item_code: string;
    tracking_number: string;
    payload: string;
    received_at: string;
    application_id: string | null;
    handed_at: string | null;
  };
  outcomes: { item_id: string; kiosk_id: string; seq: number; state: string; body: string; cursor: number };
  back_office_cases: {
    item_id: string;
    kiosk_id: string;
    tracking_number: string;
    item_code: string;
    desk: string;
    state: string;
    round: number;
    due_at: string | null;
    clerk_id: string | null;
    last_delivery: string;
    materials: string;
    resident_masked: string;
    received_at: string;
  };
  certificates: {
    code: string;
    item_code: string;
    title: string;
    language: string;
    issued_at: string;
    kiosk_id: string;
    holder_masked: string;
    content_sha256: string;
  };
  face_models: { id_number: string; face_sha256: string; item_id: string; at: string };
  card_blocks: { id_number: string; item_id: string; blocked_at: string; lifts_at: string; cancelled_at: string | null };
  deliveries: { kiosk_id: string; item_id: string; outcome: string; at: string };
  kiosk_attachments: { kiosk_id: string; sha256: string; total: number; received: number; complete: Generated<number>; claimed: Generated<number> };
  resident_sessions: { kiosk_id: string; session_id: string; id_number: string; source: string; opened_at: string; expires_at: string };
  lookup_log: { seq: Generated<number>; at: string; kiosk_id: string; item_code: string; id_number_masked: string | null; session_id: string | null; outcome: string };
  config_parts: { part: string; version: number; body: string };
  counters: { name: string; value: number };
  heartbeats: { kiosk_id: string; at: string; body: string };
  faults: {
    id: string;
    kiosk_id: string;
    opened_at: string;
    device_id: string | null;
    summary: string;
    state: string;
    note: string | null;
    version: number;
  };
  residents: { id_number: string; body: string };
  village_duties: { division_code: string; kind: string; id_number: string; name: string; date: string };
  site_records: {
    item_id: string;
    kiosk_id: string;
    kind: string;
    record_id: string;
    passed: number;
    completed_at: string;
    received_at: string;
    body: string;
  };
  point_cases: {
    case_id: string;
    kiosk_id: string;
    case_number: string;
    item_code: string;
    channel: string;
    operator_id: string;
    resident_masked: string;
    resident: string;
    consent: string;
    materials: string;
    promised_days: number;
    due_at: string;
    opened_at: string;
    received_at: string;
    state: string;
    holder_id: string | null;
    seq: number;
    updated_at: string;
  };
  point_case_steps: { arrival: Generated<number>; step_id: string; case_id: string; kind: string; at: string; state: string; body: string };
  point_reports: { item_id: string; kiosk_id: string; month: string; version: number; submitted_at: string; received_at: string; body: string };

  // The console's tables (points, staff register, sessions, faults' escalation, publishing, programme, audit).
  points: { kiosk_id: string; division_code: string; township: string; name_zh: string; name_en: string; level: string };
  staff_register: {
    id: string;
    username: string;
    display_name: string;
    roles: string;
    scope: string;
    scope_township: string | null;
    password_hash: string;
    disabled: Generated<number>;
    failed_attempts: Generated<number>;
    locked_until: number | null;
    created_at: number;
    updated_at: number;
  };
  console_sessions: { id_hash: string; staff_id: string; csrf: string; created_at: number; last_seen: number };
  fault_escalation: {
    fault_id: string;
    level: string;
    level_since: number;
    acknowledged_at: number | null;
    acknowledged_by: string | null;
    resolved_at: number | null;
  };
  fault_moves: {
    seq: Generated<number>;
    fault_id: string;
    at: number;
    actor_id: string | null;
    actor_name: string;
    action: string;
    level: string;
    note: string | null;
  };
  publications: {
    seq: Generated<number>;
    subject: string;
    body: string;
    config_version: number;
    actor_id: string | null;
    actor_name: string | null;
    at: number;
    rollback_of: number | null;
  };
  fleet_status: {
    kiosk_id: string;
    heartbeat_at: string;
    devices: string;
    devices_in_trouble: number;
    queue_depth: number | null;
    rejected: number | null;
    oldest_pending_at: string | null;
    app_version: string | null;
    config_version: number | null;
    catalog_version: number | null;
    clock_offset_seconds: number | null;
  };
  point_site_settings: { kiosk_id: string; body: string };
  programme_stages: { kiosk_id: string; stage: string; done_at: number; actor_id: string | null; actor_name: string | null };
  programme_milestones: { stage: string; due: string; share: number };
  audit_log: {
    seq: Generated<number>;
    at: number;
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    target: string | null;
    township: string | null;
    detail: string | null;
  };
}
