-- A migration of the harness's own: proves Flyway runs against the real PostgreSQL server.
CREATE TABLE harness_probe (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label       TEXT        NOT NULL UNIQUE,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO harness_probe (label) VALUES ('first'), ('second');
