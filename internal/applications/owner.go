package applications

import "context"

// ownerKey carries the id of the user a request acts for.
type ownerKey struct{}

// WithOwner returns ctx acting for the user with id userID. Every store
// query of applications, invitations, letters, history, profile and
// warnings is scoped to that user.
func WithOwner(ctx context.Context, userID int64) context.Context {
	return context.WithValue(ctx, ownerKey{}, userID)
}

// OwnerFrom returns the user ctx acts for, and false when it names none.
func OwnerFrom(ctx context.Context) (int64, bool) {
	id, ok := ctx.Value(ownerKey{}).(int64)
	return id, ok && id > 0
}
