package decline

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxReasonDetail is the longest reason_detail, in characters, that a
// request may carry: the letter gives its reason in one short sentence.
const MaxReasonDetail = 200

// InputError reports the fields of a request that cannot make a letter.
// Fields maps the snake_case name of each bad field (reason, reason_detail,
// channel, tone, sender_name, situation, company, role) to a message that
// names the field and says how to fix it; detail_kind too.
type InputError struct {
	Fields map[string]string
}

// Error lists the messages of every bad field, sorted by field name.
func (e *InputError) Error() string {
	msgs := make([]string, 0, len(e.Fields))
	for _, k := range slices.Sorted(maps.Keys(e.Fields)) {
		msgs = append(msgs, e.Fields[k])
	}
	return "invalid letter request: " + strings.Join(msgs, "; ")
}

// fieldErrors collects field messages and turns into an error only when one
// was added.
type fieldErrors map[string]string

func (f fieldErrors) add(field, msg string) { f[field] = msg }

func (f fieldErrors) err() error {
	if len(f) == 0 {
		return nil
	}
	return &InputError{Fields: f}
}

// oneOf builds the message for a value outside its list.
func oneOf[T ~string](field string, list []T) string {
	return fmt.Sprintf("%s must be one of %s", field, strings.Join(names(list), ", "))
}

func names[T ~string](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = string(v)
	}
	return out
}

// checkCommon validates the fields a decline and a follow-up share; the
// values are already cleaned and defaulted.
func checkCommon(f fieldErrors, company, role, sender string, ch Channel, tone Tone) {
	if company == "" {
		f.add("company", "company is required: the letter must name the company")
	}
	if role == "" {
		f.add("role", "role is required: the letter must name the role")
	}
	if sender == "" {
		f.add("sender_name", "sender_name is required: the letter must be signed")
	}
	if !ch.Valid() {
		f.add("channel", oneOf("channel", channels))
	}
	if !tone.Valid() {
		f.add("tone", oneOf("tone", tones))
	}
}

// validate checks a cleaned, defaulted request.
func validate(r Request) error {
	f := fieldErrors{}
	checkCommon(f, r.Company, r.Role, r.Sender.Name, r.Channel, r.Tone)
	if !r.Situation.Valid() {
		f.add("situation", oneOf("situation", situations))
	}
	if !r.Offer.Valid() {
		f.add("offer", oneOf("offer", offers))
	}
	if !r.English.Valid() {
		f.add("english", oneOf("english", englishes))
	}
	if !slices.Contains([]ContactKind{ContactPerson, ContactTeam, ContactNone}, r.Contact.Kind) {
		f.add("contact_kind", "contact_kind must be one of person, team, none")
	}
	switch {
	case utf8.RuneCountInString(r.Detail) > MaxReasonDetail:
		f.add("detail", fmt.Sprintf("detail must be at most %d characters", MaxReasonDetail))
	case !r.DetailKind.Valid():
		f.add("detail_kind", oneOf("detail_kind", detailKinds))
	case r.Detail != "" && detailKindOf(r) == "":
		f.add("detail_kind", fmt.Sprintf("detail_kind is needed for the detail %q: say whether it is something you appreciated, the offer you took or your reason (%s)",
			truncate(r.Detail, 40), strings.Join(names(detailKinds), ", ")))
	}
	switch {
	case !r.Reason.Valid():
		f.add("reason", oneOf("reason", reasons))
	case r.Situation.Valid() && !r.Reason.FitsSituation(r.Situation):
		f.add("reason", fmt.Sprintf("reason %s fits only a declined offer; at this stage the reasons are %s",
			r.Reason, strings.Join(names(ReasonsFor(r.Situation)), ", ")))
	case utf8.RuneCountInString(r.ReasonDetail) > MaxReasonDetail:
		f.add("reason_detail", fmt.Sprintf("reason_detail must be at most %d characters", MaxReasonDetail))
	case r.Reason == ReasonOther && r.ReasonDetail == "":
		f.add("reason_detail", "reason_detail is required when reason is other")
	}
	return f.err()
}

// validateFollowUp checks a cleaned, defaulted follow-up request.
func validateFollowUp(r FollowUpRequest) error {
	f := fieldErrors{}
	checkCommon(f, r.Company, r.Role, r.Sender.Name, r.DeclineChannel, r.Tone)
	if !r.Situation.Valid() {
		f.add("situation", oneOf("situation", situations))
	}
	if !slices.Contains(followUpKinds, r.Kind) {
		f.add("kind", oneOf("kind", followUpKinds))
	}
	if !r.English.Valid() {
		f.add("english", oneOf("english", englishes))
	}
	return f.err()
}
