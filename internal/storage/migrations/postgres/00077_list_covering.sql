-- +goose Up
-- A page of the list newest or oldest first reads applications_owner_id
-- in its order and, before, the heap's row of each of its applications:
-- a buffer a row, the rows of a user spread over the table. With the
-- page's columns in the index (as INCLUDE: they serve no search), the page
-- is an index-only scan wherever the visibility map allows. It costs
-- every write that changes those columns one more index entry (role alone
-- was the only one no index held), and the index's entries are about five
-- times as long.
DROP INDEX applications_owner_id;
CREATE INDEX applications_owner_id ON applications (owner_id, id)
    INCLUDE (company, role, status, applied_at, created_at, updated_at);

-- +goose Down
DROP INDEX applications_owner_id;
CREATE INDEX applications_owner_id ON applications (owner_id, id);
