-- +goose Up
-- The list's orders other than by id (company, recently changed, recently
-- applied) read an index range from where the page's cursor left off,
-- instead of sorting every application of the user for each page.
CREATE INDEX applications_owner_company ON applications (owner_id, company, id);
CREATE INDEX applications_owner_updated ON applications (owner_id, updated_at, id);
CREATE INDEX applications_owner_applied ON applications (owner_id, (COALESCE(applied_at, created_at)), id);

-- +goose Down
DROP INDEX applications_owner_applied;
DROP INDEX applications_owner_updated;
DROP INDEX applications_owner_company;
