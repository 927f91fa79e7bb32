CREATE TABLE accounts (
    id         bigserial PRIMARY KEY,
    email      text NOT NULL,
    handle     text,
    tenant_id  bigint,
    nickname   text,
    deleted_at timestamptz,
    old_code   text UNIQUE,
    region     text UNIQUE,
    ref        text
);

CREATE UNIQUE INDEX accounts_lower_email ON accounts (lower(email));
CREATE UNIQUE INDEX accounts_tenant_handle ON accounts (tenant_id, handle);
