-- Failed logins (issue 11), shared by every node on the database: per user name and per client address,
-- the failures of the current window and, once they reach the limit, until when further attempts are
-- refused without a password check. A successful login deletes its user's row; rows whose window and
-- lockout are over are deleted by the next failure. An administrator ends a lockout at once with
--   DELETE FROM login_failure WHERE kind = 'USER' AND key = 'alice';
CREATE TABLE login_failure (
    kind         text        NOT NULL CHECK (kind IN ('USER', 'ADDRESS')),
    key          text        NOT NULL,
    failures     integer     NOT NULL CHECK (failures > 0),
    first_at     timestamptz NOT NULL,
    locked_until timestamptz,
    PRIMARY KEY (kind, key)
);
-- What every node reads about once a second: the lockouts in force.
CREATE INDEX login_failure_locked ON login_failure (locked_until) WHERE locked_until IS NOT NULL;
