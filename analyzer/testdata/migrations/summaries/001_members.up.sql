-- One admin per tenant, any number of other roles.
CREATE TABLE members (
    id bigserial PRIMARY KEY,
    tenant_id bigint NOT NULL,
    role text NOT NULL
);
CREATE UNIQUE INDEX members_one_admin ON members (tenant_id) WHERE role = 'admin';
