-- Files uploaded through POST /api/knowledge/sources, kept in the database so every node of a cluster ingests them,
-- not only the one whose knowledge folder received the file. Runs unchanged on PostgreSQL 15 and H2 2.x.
create table knowledge_uploads (
    path         varchar(1000) primary key,
    content      bytea         not null,
    content_hash varchar(64)   not null,
    uploaded_at  timestamp with time zone not null
);
