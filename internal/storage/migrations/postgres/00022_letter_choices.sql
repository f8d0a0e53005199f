-- +goose Up
-- What the user chose for a letter, so a sent letter reopens with it: the
-- one true detail in their words, the offer of help (referral, reference,
-- stay_in_touch, none) and the wording (0 is the first). Letters stored
-- before keep the defaults: no detail, no offer recorded, the first wording.
ALTER TABLE letters ADD COLUMN detail TEXT NOT NULL DEFAULT '';
ALTER TABLE letters ADD COLUMN offer TEXT NOT NULL DEFAULT ''
    CHECK (offer IN ('', 'referral', 'reference', 'stay_in_touch', 'none'));
ALTER TABLE letters ADD COLUMN variant INTEGER NOT NULL DEFAULT 0 CHECK (variant >= 0);

-- +goose Down
ALTER TABLE letters DROP COLUMN variant;
ALTER TABLE letters DROP COLUMN offer;
ALTER TABLE letters DROP COLUMN detail;
