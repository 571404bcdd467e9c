/// The SQL of a shared programme (DESIGN.md §9), run once by `channeldesk share`.
///
/// Why it is shaped so: the tables belong to the role that shared the programme and nobody else may
/// write them — viewers, managers and admins only SELECT. Every change goes through
/// `channeldesk.append`, a SECURITY DEFINER function with a pinned search_path, which records the
/// actor as `session_user` (so a client cannot claim to be someone else), checks the caller's group
/// role against what the action needs (read from the action's own payload, not from a label the
/// client could fake), and appends only when no action since the position the client checked against
/// touched the same subject. The head row is locked for the append, so sequence numbers have no gaps
/// and two racing writers are serialised.
enum SharedSchema {
    static let viewer = "channeldesk_viewer"
    static let manager = "channeldesk_manager"
    static let admin = "channeldesk_admin"
    static let channel = "channeldesk"

    /// Roles are cluster-wide: a second database shared on the same server reuses them.
    static let roles: [String] = [
        """
        DO $roles$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'channeldesk_viewer') THEN CREATE ROLE channeldesk_viewer NOLOGIN; END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'channeldesk_manager') THEN CREATE ROLE channeldesk_manager NOLOGIN; END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'channeldesk_admin') THEN CREATE ROLE channeldesk_admin NOLOGIN; END IF;
        END
        $roles$
        """,
        """
        GRANT channeldesk_viewer TO channeldesk_manager
        """,
        """
        GRANT channeldesk_manager TO channeldesk_admin
        """,
    ]

    static let tables: [String] = [
        """
        CREATE SCHEMA channeldesk
        """,
        """
        REVOKE ALL ON SCHEMA channeldesk FROM PUBLIC
        """,
        """
        CREATE TABLE channeldesk.programme (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          one boolean NOT NULL DEFAULT true UNIQUE CHECK (one),
          shared_at timestamptz NOT NULL DEFAULT now(),
          shared_by text NOT NULL DEFAULT session_user,
          format_version integer NOT NULL
        )
        """,
        """
        -- The programme file the log starts from: its bytes as `share` read them.
        CREATE TABLE channeldesk.snapshot (
          last_seq bigint PRIMARY KEY,
          taken_at timestamptz NOT NULL DEFAULT now(),
          taken_by text NOT NULL DEFAULT session_user,
          data bytea NOT NULL
        )
        """,
        """
        -- Stored as they are, not compressed: a programme file's columns are already compact, and
        -- pglz over a few hundred megabytes costs tens of seconds on every share and every join.
        ALTER TABLE channeldesk.snapshot ALTER COLUMN data SET STORAGE EXTERNAL
        """,
        """
        CREATE TABLE channeldesk.head (
          one boolean PRIMARY KEY DEFAULT true CHECK (one),
          seq bigint NOT NULL
        )
        """,
        """
        CREATE TABLE channeldesk.actions (
          seq bigint PRIMARY KEY,
          idempotency_key uuid NOT NULL UNIQUE,
          actor text NOT NULL,
          at timestamptz NOT NULL,
          kind text NOT NULL,
          subjects text[] NOT NULL,
          payload jsonb NOT NULL,
          -- An import's rows in a compact binary encoding (`payload` then says only kind, source and
          -- row count): a million rows stay one value about the snapshot's size, not a huge jsonb.
          attachment bytea
        )
        """,
        """
        ALTER TABLE channeldesk.actions ALTER COLUMN attachment SET STORAGE EXTERNAL
        """,
        """
        CREATE INDEX actions_subjects ON channeldesk.actions USING gin (subjects)
        """,
    ]

    /// The role each action needs, the records it is about ('*' = the whole programme: it needs the
    /// exact log position), and the append itself.
    static let functions: [String] = [
        """
        CREATE FUNCTION channeldesk.required_role(action jsonb) RETURNS text
        LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $f$
          SELECT CASE
            WHEN action->>'kind' = 'batch' THEN
              CASE WHEN jsonb_typeof(action->'actions') = 'array' AND jsonb_array_length(action->'actions') > 0
                        AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(action->'actions') part
                                        WHERE coalesce(part->>'kind', '') NOT IN ('approve', 'reject', 'requestInfo', 'extend', 'restoreRegistration', 'mdf'))
                   THEN 'channeldesk_manager' ELSE 'channeldesk_admin' END
            -- Managers decide registrations, MDF (every MDF decision and its undo) and commissions.
            WHEN action->>'kind' IN ('approve', 'reject', 'requestInfo', 'extend', 'restoreRegistration',
                                     'advanceCommissions', 'restoreCommissionStatus', 'mdf') THEN 'channeldesk_manager'
            ELSE 'channeldesk_admin'
          END
        $f$
        """,
        """

        CREATE FUNCTION channeldesk.subjects(action jsonb) RETURNS text[]
        LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $f$
          SELECT CASE
            WHEN action->>'kind' IN ('approve', 'reject', 'requestInfo', 'extend')
                 AND jsonb_typeof(action->'registrationID') = 'string' THEN ARRAY['registration:' || (action->>'registrationID')]
            WHEN action->>'kind' = 'batch' AND jsonb_typeof(action->'actions') = 'array'
                 AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(action->'actions') part
                                 WHERE coalesce(part->>'kind', '') NOT IN ('approve', 'reject', 'requestInfo', 'extend')
                                    OR jsonb_typeof(part->'registrationID') <> 'string')
                 THEN ARRAY(SELECT 'registration:' || (part->>'registrationID') FROM jsonb_array_elements(action->'actions') part)
            ELSE ARRAY['*']
          END
        $f$
        """,
        """

        -- Raises, naming the role it takes, when the caller may not make `action`: append's first
        -- check, and the one a client asks before work that would be wasted (parsing a large import).
        CREATE FUNCTION channeldesk.check_role(action jsonb) RETURNS void
        LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $f$
        DECLARE
          needed text := channeldesk.required_role(action);
        BEGIN
          IF NOT pg_has_role(session_user, needed, 'MEMBER') THEN
            RAISE EXCEPTION 'role % may not % on this programme: that takes %', session_user, action->>'kind', needed
              USING ERRCODE = '42501', HINT = format('an administrator can run: GRANT %s TO %I;', needed, session_user);
          END IF;
        END
        $f$
        """,
        """

        -- status: 'appended', 'duplicate' (this key was appended before: a retry), or 'stale' (an action
        -- after expected_seq touched the same subject: catch up and check again).
        CREATE FUNCTION channeldesk.append(idempotency_key uuid, expected_seq bigint, action jsonb, attachment bytea DEFAULT NULL)
        RETURNS TABLE (status text, seq bigint, actor text, at timestamptz)
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
        DECLARE
          mine text[] := channeldesk.subjects(action);
          current_head bigint;
          earlier record;
          stamp timestamptz;
        BEGIN
          PERFORM channeldesk.check_role(action);
          -- The attachment is read only as the rows of an import, so it may travel with nothing else.
          IF append.attachment IS NOT NULL AND action->>'kind' IS DISTINCT FROM 'importBatch' THEN
            RAISE EXCEPTION 'an attachment may only carry an import''s rows, not a % action', action->>'kind'
              USING ERRCODE = '22023';
          END IF;
          SELECT h.seq INTO current_head FROM channeldesk.head h FOR UPDATE;
          -- Checked under the head lock, so two retries of one action cannot both append it.
          SELECT a.seq, a.actor, a.at INTO earlier FROM channeldesk.actions a WHERE a.idempotency_key = append.idempotency_key;
          IF FOUND THEN
            RETURN QUERY SELECT 'duplicate'::text, earlier.seq, earlier.actor, earlier.at;
            RETURN;
          END IF;
          IF expected_seq > current_head THEN
            RAISE EXCEPTION 'the client checked against #% but the log ends at #%', expected_seq, current_head
              USING ERRCODE = '22023', HINT = 'the local cache belongs to another database; remove it';
          END IF;
          IF current_head > expected_seq AND ('*' = ANY (mine) OR EXISTS (
               SELECT 1 FROM channeldesk.actions a
               WHERE a.seq > expected_seq AND (a.subjects && mine OR '*' = ANY (a.subjects)))) THEN
            RETURN QUERY SELECT 'stale'::text, current_head, NULL::text, NULL::timestamptz;
            RETURN;
          END IF;
          -- One time for the row and the answer: the client applies its own action with it.
          stamp := date_trunc('second', clock_timestamp());
          INSERT INTO channeldesk.actions (seq, idempotency_key, actor, at, kind, subjects, payload, attachment)
          VALUES (current_head + 1, append.idempotency_key, session_user, stamp,
                  coalesce(action->>'kind', '?'), mine, action, append.attachment);
          UPDATE channeldesk.head SET seq = current_head + 1;
          PERFORM pg_notify('channeldesk', (current_head + 1)::text);
          RETURN QUERY SELECT 'appended'::text, current_head + 1, session_user::text, stamp;
        END
        $f$
        """,
    ]

    /// Who may do what: read for viewers (and so everyone above them), the append for all of them (it
    /// checks the role itself and explains a refusal), writes for nobody but the owner.
    static let grants: [String] = [
        """
        REVOKE ALL ON ALL TABLES IN SCHEMA channeldesk FROM PUBLIC
        """,
        """
        REVOKE ALL ON ALL FUNCTIONS IN SCHEMA channeldesk FROM PUBLIC
        """,
        """
        GRANT USAGE ON SCHEMA channeldesk TO channeldesk_viewer
        """,
        """
        GRANT SELECT ON ALL TABLES IN SCHEMA channeldesk TO channeldesk_viewer
        """,
        """
        GRANT EXECUTE ON FUNCTION channeldesk.append(uuid, bigint, jsonb, bytea) TO channeldesk_viewer
        """,
        """
        GRANT EXECUTE ON FUNCTION channeldesk.required_role(jsonb), channeldesk.subjects(jsonb), channeldesk.check_role(jsonb) TO channeldesk_viewer
        """,
        """
        GRANT channeldesk_admin TO session_user
        """,
    ]
}
