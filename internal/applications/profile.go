package applications

import (
	"context"
	"strings"
	"time"
)

// Profile is the sender of the user's letters: it signs them and fills the
// offer to share contact details.
type Profile struct {
	Name           string `validate:"max=200,line"`
	Email          string `validate:"omitempty,max=254,email"`
	Phone          string `validate:"max=50,line"`
	Link           string `validate:"omitempty,max=2000,http_url"`
	DefaultTone    string `validate:"oneof=formal warm"`
	DefaultChannel string `validate:"oneof=email phone message"`
	UpdatedAt      time.Time
}

// ProfilePatch is a partial update of the profile: nil leaves a field as
// it is, and an empty string clears it.
type ProfilePatch struct {
	Name           *string
	Email          *string
	Phone          *string
	Link           *string
	DefaultTone    *string
	DefaultChannel *string
}

// Profile returns the sender profile.
func (s *Service) Profile(ctx context.Context) (*Profile, error) {
	var p *Profile
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		p, err = s.store.GetProfile(ctx)
		return err
	})
	return p, err
}

// UpdateProfile changes the fields the patch sets.
func (s *Service) UpdateProfile(ctx context.Context, patch ProfilePatch) (*Profile, error) {
	for _, f := range []*string{patch.Name, patch.Email, patch.Phone, patch.Link} {
		if f != nil {
			*f = strings.TrimSpace(*f)
		}
	}
	var p *Profile
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		var err error
		if p, err = s.store.GetProfile(ctx); err != nil {
			return err
		}
		patch.apply(p)
		if err := s.checkStruct(p); err != nil {
			return err
		}
		p.UpdatedAt = s.now()
		return s.store.SaveProfile(ctx, p)
	})
	return p, err
}

func (patch ProfilePatch) apply(p *Profile) {
	pairs := []struct{ dst, src *string }{
		{&p.Name, patch.Name}, {&p.Email, patch.Email}, {&p.Phone, patch.Phone}, {&p.Link, patch.Link},
		{&p.DefaultTone, patch.DefaultTone}, {&p.DefaultChannel, patch.DefaultChannel},
	}
	for _, pr := range pairs {
		if pr.src != nil {
			*pr.dst = *pr.src
		}
	}
}
