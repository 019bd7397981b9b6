-- Server-to-server API keys an admin created (POST /api/security/api-keys). Only the key's SHA-256 is kept: the key
-- itself is shown once, when it is created. Keys from the configuration (throughline.security.api-keys) are not here.
create table api_keys (
    id         varchar(36)  primary key,
    name       varchar(100) not null,
    key_hash   varchar(64)  not null unique,
    roles      varchar(200) not null,
    created_by varchar(200) not null,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone
);
