-- When a closed case's personal data was erased (retention): its answers, the other part's
-- answers, its notes and its codes are gone; what the statistics need stays (centre, service,
-- screening light, stage, dates and the case's codes and dates).
ALTER TABLE referrals ADD COLUMN erased_at BIGINT;
