package decline

import (
	"regexp"
	"slices"
)

// An offer of help follows the reason the letter gave, as a careful
// writer's does. "If a role closer to my background comes up" says the
// role did not fit, which only a letter declining for the fit of the role
// or the team may say; after a family emergency, the timing or an offer
// taken elsewhere it gives a second reason the letter did not give.
// "Something similar" is what a writer for whom the work, the team or
// the place was wrong does not want; "a different role" what one who
// steps back for their own circumstances, which the role did not cause,
// does not ask for; "other roles with the team" what one who found the
// team's ways not their own does not want.

// The marks of an offer that speaks of the role itself.
var (
	offerFitMarks     = regexp.MustCompile(`(?i)\bcloser to (my|what I|the work)\b|\bsuits? me better\b|\bsuits? my background\b|\blooks? right for me\b|\bbetter suited\b`)
	offerSimilarMarks = regexp.MustCompile(`(?i)\bsimilar\b`)
	offerOtherMarks   = regexp.MustCompile(`(?i)\ba different (role|kind|position|opening)\b|\bdifferent role\b`)
	offerTeamMarks    = regexp.MustCompile(`(?i)\bwith the team\b|\bthe team ever grows\b|\bvacancies in the team\b|\bother roles with\b`)
)

// ownCircumstances are the reasons that lie in the writer's own life, not
// in the role: an offer to hear of "a different role" reads as a second,
// unstated complaint about this one.
var ownCircumstances = []Reason{ReasonPersonalCircumstances, ReasonTiming, ReasonOther}

// offerKind is what an offer of help speaks of (see above); offerAny
// speaks of none of it and follows every reason.
type offerKind uint8

const (
	offerAny offerKind = iota
	offerFit
	offerSimilar
	offerOther
	offerTeam
)

// matchOfferKind is the kind of the offer s, read from its words.
func matchOfferKind(s string) offerKind {
	switch {
	case offerFitMarks.MatchString(s):
		return offerFit
	case offerSimilarMarks.MatchString(s):
		return offerSimilar
	case offerOtherMarks.MatchString(s):
		return offerOther
	case offerTeamMarks.MatchString(s):
		return offerTeam
	}
	return offerAny
}

// offerKinds is the kind of each offer of the phrase tables, read once:
// every letter filters them, and reading four patterns over each one per
// letter was a third of the cost of a letter.
var offerKinds = memoOf(matchOfferKind)

// clashes reports an offer of kind k that reason contradicts or goes
// beyond (see above).
func (k offerKind) clashes(reason Reason) bool {
	switch k {
	case offerFit:
		return reason != ReasonRoleFit && reason != ReasonCultureFit
	case offerSimilar:
		return reason == ReasonRoleFit || reason == ReasonCultureFit || reason == ReasonLocation
	case offerOther:
		return slices.Contains(ownCircumstances, reason) || reason == ReasonLocation
	case offerTeam:
		return reason == ReasonCultureFit
	}
	return false
}

// offerReason is the reason an offer in r's letter must follow: a detail
// in the role of the reason is the user's own reason.
func offerReason(r Request) Reason {
	if detailInReason(r) && detailKindOf(r) == DetailReason {
		return ReasonOther
	}
	return r.Reason
}

// offerFollows is list, offers of the phrase tables, without those r's
// reason contradicts (see clashes).
func offerFollows(r Request, list []string) []string {
	reason := offerReason(r)
	return slices.DeleteFunc(slices.Clone(list), func(s string) bool { return offerKinds.of(s).clashes(reason) })
}
