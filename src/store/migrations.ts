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
];
