/**
 * Schema versions, applied in order; the index + 1 is SQLite's user_version after it runs.
 * Never edit a shipped entry: append a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE devices (
    app            TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    token          TEXT NOT NULL,
    certificate_id TEXT NOT NULL,
    platform       TEXT NOT NULL CHECK (platform IN ('apns', 'fcm')),
    environment    TEXT,
    bundle_id      TEXT,
    app_version    TEXT,
    device_model   TEXT,
    os_version     TEXT,
    warnings       TEXT,
    first_uploaded INTEGER NOT NULL,
    last_seen      INTEGER NOT NULL,
    PRIMARY KEY (app, user_id, token)
  ) WITHOUT ROWID;
  CREATE INDEX devices_by_user ON devices (app, user_id, last_seen DESC);

  CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    principal  TEXT NOT NULL,
    action     TEXT NOT NULL,
    app        TEXT,
    target     TEXT,
    outcome    TEXT NOT NULL,
    detail     TEXT
  );
  CREATE INDEX audit_by_time ON audit (at DESC);
  `,
  // 2: platforms are validated by the provider registry, not the schema (huawei, honor, xiaomi… join apns and
  // fcm). SQLite cannot drop a CHECK in place: rebuild the table, rows included. health_probe gives /readyz a
  // cheap real write to find out whether a full disk has room again.
  `
  CREATE TABLE devices_v2 (
    app            TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    token          TEXT NOT NULL,
    certificate_id TEXT NOT NULL,
    platform       TEXT NOT NULL,
    environment    TEXT,
    bundle_id      TEXT,
    app_version    TEXT,
    device_model   TEXT,
    os_version     TEXT,
    warnings       TEXT,
    first_uploaded INTEGER NOT NULL,
    last_seen      INTEGER NOT NULL,
    PRIMARY KEY (app, user_id, token)
  ) WITHOUT ROWID;
  INSERT INTO devices_v2 (app, user_id, token, certificate_id, platform, environment, bundle_id, app_version, device_model, os_version, warnings, first_uploaded, last_seen)
    SELECT app, user_id, token, certificate_id, platform, environment, bundle_id, app_version, device_model, os_version, warnings, first_uploaded, last_seen FROM devices;
  DROP TABLE devices;
  ALTER TABLE devices_v2 RENAME TO devices;
  CREATE INDEX devices_by_user ON devices (app, user_id, last_seen DESC);

  CREATE TABLE health_probe (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at INTEGER NOT NULL
  );
  `,
  // 3: lease locks (one replica runs a watch round) and rate-limit windows (uses per key, each with its expiry so
  // that idle keys can be swept without knowing their window).
  `
  CREATE TABLE locks (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE rate_uses (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL,
    at         INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX rate_uses_by_key ON rate_uses (key, at);
  CREATE INDEX rate_uses_by_expiry ON rate_uses (expires_at);
  `,
  // 4: sweeps sample a certificate's most recently seen devices; the watch's alert state (one row per certificate
  // and condition).
  `
  CREATE INDEX devices_by_certificate ON devices (app, certificate_id, last_seen DESC);

  CREATE TABLE alert_state (
    app            TEXT NOT NULL,
    certificate_id TEXT NOT NULL,
    kind           TEXT NOT NULL,
    state          TEXT NOT NULL,
    verdict        TEXT,
    since          INTEGER NOT NULL,
    PRIMARY KEY (app, certificate_id, kind)
  ) WITHOUT ROWID;
  `,
  // 5: Tencent IM callback events per (app, UserID), bounded on write (newest 50, 7 days; src/store/ports.ts).
  `
  CREATE TABLE im_events (
    id       INTEGER PRIMARY KEY,
    app      TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    command  TEXT NOT NULL,
    at       INTEGER NOT NULL,
    data     TEXT NOT NULL
  );
  CREATE INDEX im_events_by_user ON im_events (app, user_id, at DESC, id DESC);
  CREATE INDEX im_events_by_time ON im_events (at);
  `,
];
