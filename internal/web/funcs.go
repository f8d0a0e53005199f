package web

import (
	"html/template"
	"strings"

	"tracker/internal/applications"
	"tracker/internal/decline"
	"tracker/internal/workflow"
)

// funcs are the helpers every page template may call.
var funcs = template.FuncMap{
	"label": stageLabel,
	"words": words,
	"rule":  ruleLabel,
	"check": checkLine,
	"chose": applications.Letter.Choices,
	"dict":  dict,

	"detailKindWords": detailKindWords,
}

// detailKindWords name the kinds of detail in the studio's words.
func detailKindWords(k string) string {
	switch decline.DetailKind(k) {
	case decline.DetailAppreciated:
		return "Something I appreciated"
	case decline.DetailOffer:
		return "The offer I took"
	case decline.DetailReason:
		return "My real reason"
	}
	return words(k)
}

// ruleLabels say what each etiquette rule asks of a letter, in the words
// of the studio's checklist ("Passes: Not in capitals").
var ruleLabels = map[string]string{
	decline.RuleClear:       "A clear decline",
	decline.RuleGratitude:   "Thanks",
	decline.RuleBriefReason: "A brief reason",
	decline.RuleRespectful:  "Respectful",
	decline.RuleOffer:       "An offer of help",
	decline.RulePersonal:    "Names the person, company and role",
	decline.RuleWrongName:   "No names from your other applications",
	decline.RuleShouting:    "Not in capitals",
	decline.RuleEmoji:       "No emoji",
	decline.RuleSigned:      "Signed with your name",
	decline.RuleLength:      "A sensible length",
}

// checkLine is one line of the studio's checklist: "Passes: Thanks",
// "Fails: Respectful — hint", "Consider: ..."; the offer rule passing only
// because the user chose no offer says that, not "An offer of help".
func checkLine(c decline.Check) string {
	switch {
	case decline.NoOfferByChoice(c):
		return "No offer of help, as you chose"
	case c.OK:
		return "Passes: " + ruleLabel(c.Rule)
	case c.Severity == decline.SeverityError:
		return "Fails: " + ruleLabel(c.Rule) + " — " + c.Hint
	}
	return "Consider: " + ruleLabel(c.Rule) + " — " + c.Hint
}

// ruleLabel is the checklist's name of an etiquette rule.
func ruleLabel(rule string) string {
	if l, ok := ruleLabels[rule]; ok {
		return l
	}
	return words(rule)
}

// stageLabel is a stage as a person reads it: "followed_up" is
// "Followed up".
func stageLabel(s any) string {
	var v string
	switch t := s.(type) {
	case workflow.State:
		v = string(t)
	case string:
		v = t
	}
	return words(v)
}

// words turns a snake_case name into a capitalised phrase.
func words(v string) string {
	v = strings.ReplaceAll(v, "_", " ")
	if v == "" {
		return v
	}
	return strings.ToUpper(v[:1]) + v[1:]
}

// dict builds a map from key, value pairs, to pass several values to a
// partial template.
func dict(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		k, _ := kv[i].(string)
		m[k] = kv[i+1]
	}
	return m
}
