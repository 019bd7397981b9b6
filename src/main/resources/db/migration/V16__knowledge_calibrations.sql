-- How sure the answerer may be on this knowledge: the confidence curve fitted to the content itself when it was ingested
-- (see io.throughline.answer.ConfidenceCalibrator), one row per content fingerprint, so every node of a cluster reuses the
-- curve the first one fitted for the same content. Runs unchanged on PostgreSQL and H2.
create table knowledge_calibrations (
    fingerprint   varchar(64)      primary key,
    method        varchar(20)      not null,
    intercept     double precision not null,
    score_weight  double precision not null,
    margin_weight double precision not null,
    probes        integer          not null,
    summary       varchar(1000)    not null,
    millis        bigint           not null,
    created_at    timestamp with time zone not null
);
