-- +goose Up
-- The word index holds each word behind the owner's id and the stage
-- (storage.search): '0000000000000000017invited acme', the stage as
-- stored and a space, which no word holds. A search in a stage reads only
-- the owner's entries of that stage: the index of migration 00046 held
-- every stage's under a word, so that a search of a common word in a
-- stage that holds few of its matches read all of them (62,500 of "acme"
-- for the user with 1,000,000 applications) to keep the few. A search of
-- every stage reads each stage's entries, as many as before in all.
--
-- A move rewrites the row and, with the time changed in an index, every
-- entry of every index of it already: the stage in the words costs no
-- write more.
--
-- stage_query makes the query of the user's text for the stages asked
-- for (their names, a space between them; one text, not an array, so that
-- every argument of a search is a plain value): in any of them, every word a prefix behind the owner's id and the
-- stage; NULL when the text has no word, which matches nothing.
-- +goose StatementBegin
CREATE FUNCTION stage_words(owner BIGINT, stage TEXT, words tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT array_to_tsvector(ARRAY(SELECT lpad(owner::text, 19, '0') || stage || ' ' || lexeme FROM unnest(words))) $$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION stage_query(owner TEXT, stages TEXT, q TEXT) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT string_agg('(' || (SELECT string_agg('''' || replace(replace(owner || stage || ' ' || lexeme, '\', '\\'), '''', '''''') || ''':*', ' & ')
              FROM unnest(to_tsvector('simple', q))) || ')', ' | ')::tsquery
          FROM unnest(string_to_array(stages, ' ')) stage $$;
-- +goose StatementEnd
CREATE INDEX applications_stage_words ON applications USING GIN (stage_words(owner_id, status, words)) WITH (fastupdate = off);
DROP INDEX applications_owner_words;
-- A search chooses its way from the statistics of the word index
-- (storage.wordStats), which a new index has none of until the table is
-- analyzed.
ANALYZE applications;

-- +goose Down
CREATE INDEX applications_owner_words ON applications USING GIN (owner_words(owner_id, words)) WITH (fastupdate = off);
DROP INDEX applications_stage_words;
DROP FUNCTION stage_query(TEXT, TEXT, TEXT);
DROP FUNCTION stage_words(BIGINT, TEXT, tsvector);
