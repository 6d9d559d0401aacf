/**
 * Schema versions of the Postgres store, applied in order at start-up by one replica at a time (an advisory lock
 * held while migrating); `imops_schema` records each version applied. Never edit a shipped entry: append one.
 * A port added to the store brings its tables (and functions) as a new entry here and its own file beside
 * devices.ts.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'devices, audit, locks, rate limits',
    sql: `
    CREATE TABLE devices (
      app            text   COLLATE "C" NOT NULL,
      user_id        text   COLLATE "C" NOT NULL,
      token          text   COLLATE "C" NOT NULL,
      certificate_id text   NOT NULL,
      platform       text   NOT NULL,
      environment    text,
      bundle_id      text,
      app_version    text,
      device_model   text,
      os_version     text,
      warnings       jsonb,
      first_uploaded bigint NOT NULL,
      last_seen      bigint NOT NULL,
      PRIMARY KEY (app, user_id, token)
    );
    CREATE INDEX devices_by_user ON devices (app, user_id, last_seen DESC);

    CREATE TABLE audit (
      id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at        bigint NOT NULL,
      principal text   NOT NULL,
      action    text   NOT NULL,
      app       text,
      target    text,
      outcome   text   NOT NULL,
      detail    text
    );
    CREATE INDEX audit_by_time ON audit (at DESC, id DESC);

    CREATE TABLE locks (
      name       text   PRIMARY KEY,
      holder     text   NOT NULL,
      expires_at bigint NOT NULL
    );

    CREATE TABLE rate_uses (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      key        text   NOT NULL,
      at         bigint NOT NULL,
      expires_at bigint NOT NULL
    );
    CREATE INDEX rate_uses_by_key ON rate_uses (key, at);
    CREATE INDEX rate_uses_by_expiry ON rate_uses (expires_at);

    -- Device writes, a batch at a time, in call order, in one transaction. Every user the batch touches is
    -- locked first, in one global order, so that two replicas writing for the same user serialise (the
    -- per-user cap holds) and two batches never wait on each other in a cycle.
    -- ops: [{ "op": "upsert", "app", "userId", "token", "certificateId", "platform", "environment"?, "bundleId"?,
    --         "appVersion"?, "deviceModel"?, "osVersion"?, "warnings"? }, { "op": "remove", "app", "userId", "token"? }]
    -- Answers one element per op: { "created", "firstUploaded", "evicted": [rows] } or { "removed" }.
    CREATE FUNCTION imops_device_writes(ops jsonb, at bigint, max_per_user integer) RETURNS jsonb
    LANGUAGE plpgsql AS $fn$
    DECLARE
      k bigint;
      o record;
      out jsonb := '[]'::jsonb;
      first bigint;
      n integer;
      evicted jsonb;
    BEGIN
      FOR k IN
        SELECT DISTINCT hashtextextended(x.app || chr(10) || x."userId", 0) AS h
        FROM jsonb_to_recordset(ops) AS x(app text, "userId" text) ORDER BY h
      LOOP
        PERFORM pg_advisory_xact_lock(k);
      END LOOP;
      -- Fields read once per op into a record: far cheaper than walking the JSON for each use.
      FOR o IN
        SELECT * FROM ROWS FROM (jsonb_to_recordset(ops) AS (op text, app text, "userId" text, token text, "certificateId" text,
          platform text, environment text, "bundleId" text, "appVersion" text, "deviceModel" text, "osVersion" text, warnings jsonb))
          WITH ORDINALITY AS x
        ORDER BY x.ordinality
      LOOP
        IF o.op = 'remove' THEN
          IF o.token IS NOT NULL THEN
            DELETE FROM devices WHERE app = o.app AND user_id = o."userId" AND token = o.token;
          ELSE
            DELETE FROM devices WHERE app = o.app AND user_id = o."userId";
          END IF;
          GET DIAGNOSTICS n = ROW_COUNT;
          out := out || jsonb_build_array(jsonb_build_object('removed', n));
          CONTINUE;
        END IF;
        INSERT INTO devices (app, user_id, token, certificate_id, platform, environment, bundle_id, app_version, device_model,
                             os_version, warnings, first_uploaded, last_seen)
        VALUES (o.app, o."userId", o.token, o."certificateId", o.platform, o.environment, o."bundleId", o."appVersion",
                o."deviceModel", o."osVersion", o.warnings, at, at)
        ON CONFLICT (app, user_id, token) DO NOTHING;
        GET DIAGNOSTICS n = ROW_COUNT;
        IF n = 1 THEN
          SELECT count(*) - max_per_user INTO n FROM devices WHERE app = o.app AND user_id = o."userId";
          evicted := '[]'::jsonb;
          IF n > 0 THEN
            WITH gone AS (
              DELETE FROM devices WHERE app = o.app AND user_id = o."userId" AND token IN (
                SELECT d.token FROM devices d WHERE d.app = o.app AND d.user_id = o."userId" AND d.token <> o.token
                ORDER BY d.last_seen, d.first_uploaded, d.token LIMIT n)
              RETURNING *)
            SELECT coalesce(jsonb_agg(to_jsonb(gone) ORDER BY last_seen, token), '[]'::jsonb) INTO evicted FROM gone;
          END IF;
          out := out || jsonb_build_array(jsonb_build_object('created', true, 'firstUploaded', at, 'evicted', evicted));
        ELSE
          UPDATE devices SET certificate_id = o."certificateId", platform = o.platform, environment = o.environment,
            bundle_id = o."bundleId", app_version = o."appVersion", device_model = o."deviceModel",
            os_version = o."osVersion", warnings = o.warnings, last_seen = at
          WHERE app = o.app AND user_id = o."userId" AND token = o.token
          RETURNING first_uploaded INTO first;
          out := out || jsonb_build_array(jsonb_build_object('created', false, 'firstUploaded', first, 'evicted', '[]'::jsonb));
        END IF;
      END LOOP;
      RETURN out;
    END
    $fn$;

    -- One sliding-window take, serialised per key (see RateWindows in src/access/rate-limit.ts).
    CREATE FUNCTION imops_rate_take(k text, max_uses integer, window_ms bigint, now_ms bigint, sweep boolean)
    RETURNS TABLE (allowed boolean, used integer, retry_after_ms bigint)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      c integer;
      oldest bigint;
      newest bigint;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtextextended('rate' || chr(10) || k, 0));
      IF sweep THEN
        DELETE FROM rate_uses WHERE expires_at <= now_ms;
      END IF;
      DELETE FROM rate_uses WHERE key = k AND at <= now_ms - window_ms;
      SELECT count(*), min(at), max(at) INTO c, oldest, newest FROM rate_uses WHERE key = k;
      IF c >= max_uses THEN
        RETURN QUERY SELECT false, c, least(window_ms, greatest(1, oldest + window_ms - now_ms));
        RETURN;
      END IF;
      INSERT INTO rate_uses (key, at, expires_at) VALUES (k, greatest(now_ms, coalesce(newest, now_ms)), greatest(now_ms, coalesce(newest, now_ms)) + window_ms);
      RETURN QUERY SELECT true, c + 1, 0::bigint;
    END
    $fn$;
    `,
  },
  {
    version: 2,
    name: 'sweeps and the watch: imported last seen, alert state',
    sql: `
    -- No index by certificate (SQLite has one): every upload of a certificate would update the same few index
    -- pages, and concurrent replicas queue on them (bench serve --postgres: 1,158 uploads/s with one, 5,900
    -- without, in either order). A sweep, a few times an hour, scans the table and keeps the newest N instead.

    CREATE TABLE alert_state (
      app            text   NOT NULL,
      certificate_id text   NOT NULL,
      kind           text   NOT NULL,
      state          text   NOT NULL,
      verdict        text,
      since          bigint NOT NULL,
      PRIMARY KEY (app, certificate_id, kind)
    );

    -- As in version 1, and an op may carry "lastSeen" (ms): an import keeps when the team last saw the device.
    CREATE OR REPLACE FUNCTION imops_device_writes(ops jsonb, at bigint, max_per_user integer) RETURNS jsonb
    LANGUAGE plpgsql AS $fn$
    DECLARE
      k bigint;
      o record;
      out jsonb := '[]'::jsonb;
      first bigint;
      n integer;
      evicted jsonb;
    BEGIN
      FOR k IN
        SELECT DISTINCT hashtextextended(x.app || chr(10) || x."userId", 0) AS h
        FROM jsonb_to_recordset(ops) AS x(app text, "userId" text) ORDER BY h
      LOOP
        PERFORM pg_advisory_xact_lock(k);
      END LOOP;
      -- Fields read once per op into a record: far cheaper than walking the JSON for each use.
      FOR o IN
        SELECT * FROM ROWS FROM (jsonb_to_recordset(ops) AS (op text, app text, "userId" text, token text, "certificateId" text,
          platform text, environment text, "bundleId" text, "appVersion" text, "deviceModel" text, "osVersion" text, warnings jsonb, "lastSeen" bigint))
          WITH ORDINALITY AS x
        ORDER BY x.ordinality
      LOOP
        IF o.op = 'remove' THEN
          IF o.token IS NOT NULL THEN
            DELETE FROM devices WHERE app = o.app AND user_id = o."userId" AND token = o.token;
          ELSE
            DELETE FROM devices WHERE app = o.app AND user_id = o."userId";
          END IF;
          GET DIAGNOSTICS n = ROW_COUNT;
          out := out || jsonb_build_array(jsonb_build_object('removed', n));
          CONTINUE;
        END IF;
        INSERT INTO devices (app, user_id, token, certificate_id, platform, environment, bundle_id, app_version, device_model,
                             os_version, warnings, first_uploaded, last_seen)
        VALUES (o.app, o."userId", o.token, o."certificateId", o.platform, o.environment, o."bundleId", o."appVersion",
                o."deviceModel", o."osVersion", o.warnings, coalesce(o."lastSeen", at), coalesce(o."lastSeen", at))
        ON CONFLICT (app, user_id, token) DO NOTHING;
        GET DIAGNOSTICS n = ROW_COUNT;
        IF n = 1 THEN
          SELECT count(*) - max_per_user INTO n FROM devices WHERE app = o.app AND user_id = o."userId";
          evicted := '[]'::jsonb;
          IF n > 0 THEN
            WITH gone AS (
              DELETE FROM devices WHERE app = o.app AND user_id = o."userId" AND token IN (
                SELECT d.token FROM devices d WHERE d.app = o.app AND d.user_id = o."userId" AND d.token <> o.token
                ORDER BY d.last_seen, d.first_uploaded, d.token LIMIT n)
              RETURNING *)
            SELECT coalesce(jsonb_agg(to_jsonb(gone) ORDER BY last_seen, token), '[]'::jsonb) INTO evicted FROM gone;
          END IF;
          out := out || jsonb_build_array(jsonb_build_object('created', true, 'firstUploaded', coalesce(o."lastSeen", at), 'evicted', evicted));
        ELSE
          UPDATE devices SET certificate_id = o."certificateId", platform = o.platform, environment = o.environment,
            bundle_id = o."bundleId", app_version = o."appVersion", device_model = o."deviceModel",
            os_version = o."osVersion", warnings = o.warnings, last_seen = coalesce(o."lastSeen", at)
          WHERE app = o.app AND user_id = o."userId" AND token = o.token
          RETURNING first_uploaded INTO first;
          out := out || jsonb_build_array(jsonb_build_object('created', false, 'firstUploaded', first, 'evicted', '[]'::jsonb));
        END IF;
      END LOOP;
      RETURN out;
    END
    $fn$;
    `,
  },
  {
    version: 3,
    name: 'Tencent IM callback events',
    sql: `
    CREATE TABLE im_events (
      id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      app     text   NOT NULL,
      user_id text   NOT NULL,
      command text   NOT NULL,
      at      bigint NOT NULL,
      data    jsonb  NOT NULL
    );
    CREATE INDEX im_events_by_user ON im_events (app, user_id, at DESC, id DESC);
    CREATE INDEX im_events_by_time ON im_events (at);

    -- Insert a batch in order, then keep each touched user's newest max_per_user and drop what is past cutoff.
    CREATE FUNCTION imops_append_events(events jsonb, cutoff bigint, max_per_user integer) RETURNS void
    LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO im_events (app, user_id, command, at, data)
      SELECT x.app, x."userId", x.command, x.at, x.data
      FROM ROWS FROM (jsonb_to_recordset(events) AS (app text, "userId" text, command text, at bigint, data jsonb)) WITH ORDINALITY AS x
      ORDER BY x.ordinality;
      DELETE FROM im_events e USING (SELECT DISTINCT x.app, x."userId" FROM jsonb_to_recordset(events) AS x(app text, "userId" text)) u
      WHERE e.app = u.app AND e.user_id = u."userId" AND e.id NOT IN (
        SELECT id FROM im_events WHERE app = u.app AND user_id = u."userId" ORDER BY at DESC, id DESC LIMIT max_per_user);
      DELETE FROM im_events WHERE at < cutoff;
    END
    $fn$;
    `,
  },
];
