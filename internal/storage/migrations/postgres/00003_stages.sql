-- Stages: wishlist and withdrawn join the status CHECK, and a withdrawal can
-- store its letter (kind 'withdraw'). Rows are not touched.

-- +goose Up
ALTER TABLE applications DROP CONSTRAINT applications_status_check,
    ADD CONSTRAINT applications_status_check CHECK (status IN ('wishlist', 'applied', 'invited', 'scheduled',
        'interviewed', 'offered', 'hired', 'declined', 'followed_up', 'withdrawn', 'rejected', 'ghosted'));
ALTER TABLE letters DROP CONSTRAINT letters_kind_check,
    ADD CONSTRAINT letters_kind_check CHECK (kind IN ('decline', 'follow_up', 'withdraw'));

-- +goose Down
-- Going back refuses (a CHECK failure) while any application is wishlist
-- or withdrawn or any letter is a withdrawal: nothing is dropped silently.
ALTER TABLE letters DROP CONSTRAINT letters_kind_check,
    ADD CONSTRAINT letters_kind_check CHECK (kind IN ('decline', 'follow_up'));
ALTER TABLE applications DROP CONSTRAINT applications_status_check,
    ADD CONSTRAINT applications_status_check CHECK (status IN ('applied', 'invited', 'scheduled', 'interviewed',
        'offered', 'hired', 'declined', 'followed_up', 'rejected', 'ghosted'));
