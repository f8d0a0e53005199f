-- +goose Up
-- A page of the list newest or oldest first reads applications_owner_id
-- in its order and, before, the table's row of each of its applications:
-- 50 searches of the table's B-tree a page, on pages spread over the file
-- for a user whose applications are not next to each other. With the
-- page's columns in the index, the page is one range of the index alone.
-- It costs every write that changes those columns (a move changes the
-- stage and the update time) one more leaf of an index, and the index's
-- entries are about five times as long.
DROP INDEX applications_owner_id;
CREATE INDEX applications_owner_id ON applications (owner_id, id, company, role, status, applied_at, created_at, updated_at);

-- +goose Down
DROP INDEX applications_owner_id;
CREATE INDEX applications_owner_id ON applications (owner_id, id);
