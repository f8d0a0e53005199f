package applications

import (
	"context"
	"strings"
	"time"
)

// Profile is the sender of the user's letters: it signs them and fills the
// offer to share contact details. The default tone and channel of letters
// are settings (Settings), not part of the profile.
type Profile struct {
	Name      string `validate:"max=200,line"`
	Email     string `validate:"omitempty,max=254,email"`
	Phone     string `validate:"max=50,line"`
	Link      string `validate:"omitempty,max=2000,http_url"`
	UpdatedAt time.Time
}

// ProfilePatch is a partial update of the profile: nil leaves a field as
// it is, and an empty string clears it.
type ProfilePatch struct {
	Name  *string
	Email *string
	Phone *string
	Link  *string
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
	p, _, err := s.UpdateSender(ctx, patch, SettingsPatch{})
	return p, err
}

// UpdateSender changes the profile and the settings in one transaction,
// for a form or command that edits both (name and default tone, say): every
// bad field of either is named, and nothing is saved unless all are good.
func (s *Service) UpdateSender(ctx context.Context, patch ProfilePatch, stPatch SettingsPatch) (*Profile, *Settings, error) {
	for _, f := range []*string{patch.Name, patch.Email, patch.Phone, patch.Link} {
		if f != nil {
			*f = strings.TrimSpace(*f)
		}
	}
	var p *Profile
	var st Settings
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		var err error
		if p, err = s.store.GetProfile(ctx); err != nil {
			return err
		}
		if st, err = s.settings(ctx); err != nil {
			return err
		}
		patch.apply(p)
		stPatch.apply(&st)
		if err := mergeInvalid(s.checkStruct(p), checkSettings(st)); err != nil {
			return err
		}
		p.UpdatedAt = s.now()
		if stPatch != (SettingsPatch{}) {
			st.UpdatedAt = p.UpdatedAt
			if err := s.store.SaveSettings(ctx, &st); err != nil {
				return err
			}
		}
		return s.store.SaveProfile(ctx, p)
	})
	return p, &st, err
}

func (patch ProfilePatch) apply(p *Profile) {
	pairs := []struct{ dst, src *string }{
		{&p.Name, patch.Name}, {&p.Email, patch.Email}, {&p.Phone, patch.Phone}, {&p.Link, patch.Link},
	}
	for _, pr := range pairs {
		if pr.src != nil {
			*pr.dst = *pr.src
		}
	}
}
