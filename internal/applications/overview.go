package applications

import (
	"context"
	"slices"
	"sort"
	"time"

	"tracker/internal/workflow"
)

// PromptnessPeriod is how far back the promptness figures look.
const PromptnessPeriod = 90 * 24 * time.Hour

// FunnelSteps are the steps of the applied -> invited -> interviewed ->
// offered funnel, each with the stages whose entry proves an application
// got that far: an application invited straight away was applied for too,
// and one that was later declined or rejected still counts for how far it
// got.
var FunnelSteps = []struct {
	Step   workflow.State
	Stages []workflow.State
}{
	{workflow.Applied, []workflow.State{workflow.Applied, workflow.Invited, workflow.Scheduled, workflow.Interviewed, workflow.Offered, workflow.Hired}},
	{workflow.Invited, []workflow.State{workflow.Invited, workflow.Scheduled, workflow.Interviewed, workflow.Offered, workflow.Hired}},
	{workflow.Interviewed, []workflow.State{workflow.Interviewed, workflow.Offered, workflow.Hired}},
	{workflow.Offered, []workflow.State{workflow.Offered, workflow.Hired}},
}

// Overview is how the user's search stands, for the home page: how many
// applications are in each stage, how far they got, the interviews to
// come and how promptly invitations were answered.
type Overview struct {
	Counts map[workflow.State]int
	// Funnel holds, in the order of FunnelSteps, how many applications
	// ever reached each step.
	Funnel []int
	// Upcoming are the accepted interviews still to come, soonest first.
	Upcoming   []AppInvitation
	Promptness Promptness
}

// Promptness is how quickly invitations received in the PromptnessPeriod
// were answered: how many, the median time to the answer, and the share
// answered by their deadline, in percent.
type Promptness struct {
	Answered int
	Median   time.Duration
	OnTime   int
}

// Overview returns how the user's search stands, in one read transaction
// of a few aggregate queries, whatever the number of applications.
func (s *Service) Overview(ctx context.Context) (*Overview, error) {
	now := s.now()
	o := &Overview{}
	err := s.store.View(ctx, func(ctx context.Context) error {
		var err error
		if o.Counts, err = s.store.CountByStatus(ctx); err != nil {
			return err
		}
		for _, step := range FunnelSteps {
			n, err := s.store.CountReaching(ctx, step.Stages)
			if err != nil {
				return err
			}
			o.Funnel = append(o.Funnel, n)
		}
		if o.Upcoming, err = s.upcoming(ctx, now); err != nil {
			return err
		}
		o.Promptness, err = s.promptness(ctx, now)
		return err
	})
	return o, err
}

// upcoming returns the accepted interviews after now, soonest first.
func (s *Service) upcoming(ctx context.Context, now time.Time) ([]AppInvitation, error) {
	accepted, err := s.store.AcceptedInterviews(ctx)
	if err != nil {
		return nil, err
	}
	out := slices.DeleteFunc(accepted, func(ai AppInvitation) bool {
		return ai.Invitation.InterviewAt == nil || !ai.Invitation.InterviewAt.After(now)
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Invitation.InterviewAt.Before(*out[j].Invitation.InterviewAt) })
	return out, nil
}

// promptness measures the invitations received in the PromptnessPeriod
// before now that were answered, against the deadlines of the user's
// settings.
func (s *Service) promptness(ctx context.Context, now time.Time) (Promptness, error) {
	st, err := s.settings(ctx)
	if err != nil {
		return Promptness{}, err
	}
	answered, err := s.store.AnsweredInvitations(ctx, now.Add(-PromptnessPeriod))
	if err != nil {
		return Promptness{}, err
	}
	pol := st.Policy()
	var took []time.Duration
	onTime := 0
	for _, inv := range answered {
		if inv.RespondedAt == nil {
			continue
		}
		took = append(took, inv.RespondedAt.Sub(inv.ReceivedAt))
		if !inv.RespondedAt.After(pol.Deadline(policyInvitation(inv))) {
			onTime++
		}
	}
	if len(took) == 0 {
		return Promptness{}, nil
	}
	slices.Sort(took)
	return Promptness{Answered: len(took), Median: took[len(took)/2], OnTime: onTime * 100 / len(took)}, nil
}
