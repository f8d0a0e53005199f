package applications

import "context"

// ExportBatch is how many applications an export reads at a time: enough
// that the round trips do not count, few enough that a batch with its
// letters stays well under a megabyte or two.
const ExportBatch = 256

// Export calls fn with every application of the user in ctx with what
// hangs off it (the detail Get returns, as of one moment), oldest first,
// from one snapshot of the database, reading ExportBatch applications at a
// time: its memory does not grow with the number of applications. fn may
// not keep the detail once it returns; an error of fn stops the export and
// is returned.
func (s *Service) Export(ctx context.Context, fn func(*Detail) error) error {
	now := s.now()
	return s.store.ExportDetails(ctx, ExportBatch, func(batch []*DetailRecords) error {
		for _, r := range batch {
			if err := fn(detailOf(r, now)); err != nil {
				return err
			}
		}
		return nil
	})
}
