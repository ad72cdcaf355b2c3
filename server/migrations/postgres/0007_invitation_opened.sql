-- When the other party first opened their invitation. From then on the code the sender was shown
-- no longer works (each opening issues the joiner a code of their own) and no new invitation can
-- be made: the sender can never read or change the other party's part.
ALTER TABLE referral_invitations ADD COLUMN opened_at BIGINT;
