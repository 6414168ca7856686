-- Failed staff logins are counted per username and client address in Redis (see README "Limits"): an account is no
-- longer locked for everyone, so the per-account counter and lock go.
ALTER TABLE staff
    DROP COLUMN failed_logins,
    DROP COLUMN locked_until;
