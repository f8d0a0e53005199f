package httpapi_test

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestContactThroughTheAPI sets the contact's kind, title and greeting on
// create and PATCH, reads them back, sees them in the letter, and has a
// bad kind refused with 422 naming the field.
func TestContactThroughTheAPI(t *testing.T) {
	s := newServer(t)
	const apps = "/api/v1/applications"
	s.run(t, scenario{"create with a contact", "POST", apps, `{"company":"Globex","role":"SRE","status":"invited",
		"contact_name":"Ana Lima","contact_kind":"person","contact_title":"Dr.","greeting_name":""}`, "", 201,
		[]string{`"contact_kind":"person"`, `"contact_title":"Dr."`, `"greeting_name":""`}})
	s.run(t, scenario{"the letter greets by title", "POST", apps + "/1/decline/preview", `{"reason":"timing","sender_name":"Sam Lee","tone":"formal"}`, "", 200,
		[]string{`Dear Dr. Lima,`}})
	s.run(t, scenario{"patch the greeting", "PATCH", apps + "/1", `{"greeting_name":"Professor Lima"}`, "", 200,
		[]string{`"greeting_name":"Professor Lima"`, `"contact_title":"Dr."`}})
	s.run(t, scenario{"the letter greets as set", "POST", apps + "/1/decline/preview", `{"reason":"timing","sender_name":"Sam Lee","tone":"formal"}`, "", 200,
		[]string{`Dear Professor Lima,`}})
	s.run(t, scenario{"a bad kind", "PATCH", apps + "/1", `{"contact_kind":"robot"}`, "", 422,
		[]string{`"contact_kind":"contact_kind must be one of person, team, none"`}})
	s.run(t, scenario{"a team", "PATCH", apps + "/1", `{"contact_kind":"team","contact_name":"Talent Team","greeting_name":""}`, "", 200,
		[]string{`"contact_kind":"team"`}})
	s.run(t, scenario{"the letter greets the team", "POST", apps + "/1/decline/preview", `{"reason":"timing","sender_name":"Sam Lee","tone":"formal"}`, "", 200,
		[]string{`Dear Talent Team,`}})
}

// TestDeclineChoicesThroughTheAPI previews and sends letters with a
// detail, an offer and another wording; bad values are refused with 422
// naming the field and change nothing.
func TestDeclineChoicesThroughTheAPI(t *testing.T) {
	s := newServer(t)
	s.seed()
	const url = "/api/v1/applications/1/decline"
	const base = `"reason":"timing","sender_name":"Sam Lee","tone":"warm"`
	var first, second struct {
		Body, Offer, Voicemail string
	}
	s.must("POST", url+"/preview", `{`+base+`}`, 200, &first)
	s.must("POST", url+"/preview", `{`+base+`,"variant":1}`, 200, &second)
	if first.Body == second.Body || first.Offer != "stay_in_touch" {
		t.Errorf("variant 1 reads as variant 0, or the default offer of an invitation is %q:\n%s", first.Offer, first.Body)
	}
	for _, sc := range []scenario{
		{"a detail", "POST", url + "/preview", `{` + base + `,"detail":"meeting the platform team"}`, "", 200, []string{"eeting the platform team"}}, // "Meeting ..." where it opens a sentence
		{"no offer", "POST", url + "/preview", `{` + base + `,"offer":"none"}`, "", 200, []string{`"offer":"none"`}},
		{"a phone script has a voicemail", "POST", url + "/preview", `{` + base + `,"channel":"phone"}`, "", 200, []string{`"voicemail":"H`}},
		{"a bad offer", "POST", url + "/preview", `{` + base + `,"offer":"money"}`, "", 422, []string{`"offer":"offer must be one of referral, reference, stay_in_touch, none"`}},
		{"a bad offer is not sent", "POST", url, `{` + base + `,"offer":"money"}`, "", 422, []string{`"offer":`}},
		{"a negative variant", "POST", url, `{` + base + `,"variant":-1}`, "", 422, []string{`"variant":"variant must be at least 0"`}},
		{"a long detail", "POST", url, `{` + base + `,"detail":"` + strings.Repeat("x", 201) + `"}`, "", 422, []string{`"detail":"detail must be at most 200 characters"`}},
		{"a detail that is the reason", "POST", url + "/preview", `{` + base + `,"detail":"an unexpected family emergency","detail_kind":"reason"}`, "", 200,
			[]string{"n unexpected family emergency"}}, // "An unexpected ..." where it opens a sentence
		{"a detail whose role the words do not say", "POST", url + "/preview", `{` + base + `,"detail":"the free lunches"}`, "", 422,
			[]string{`"detail_kind":"detail_kind is needed for the detail`}},
		{"a bad detail kind", "POST", url, `{` + base + `,"detail":"x","detail_kind":"praise"}`, "", 422,
			[]string{`"detail_kind":"detail_kind must be one of appreciated, offer, reason"`}},
		{"send with the choices", "POST", url, `{` + base + `,"detail":"meeting the platform team","offer":"reference","variant":2}`, "", 200,
			[]string{`"status":"declined"`, "eeting the platform team"}},
	} {
		t.Run(sc.name, func(t *testing.T) { s.run(t, sc) })
	}
}

// TestCancelledInterviewNamesItsSlot declines a scheduled interview: the
// e-mail names its date and time in the user's time zone ("5 March at
// 14:00" in Berlin), never by a weekday alone.
func TestCancelledInterviewNamesItsSlot(t *testing.T) {
	s := newServer(t)
	s.must("PATCH", "/api/v1/settings", `{"time_zone":"Europe/Berlin"}`, 200, nil)
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev","contact_name":"Dana Smith",
		"invitation":{"received_at":"`+rfc3339(start.Add(-2*time.Hour))+`","interview_at":"2026-03-05T13:00:00Z"}}`, 201, nil)
	s.must("POST", "/api/v1/applications/1/transitions", `{"to":"scheduled"}`, 200, nil)
	s.run(t, scenario{"the slot", "POST", "/api/v1/applications/1/decline/preview", `{"reason":"timing","sender_name":"Sam Lee"}`, "", 200,
		[]string{"5 March at 14:00"}})
	for v := range 8 {
		var l struct{ Subject, Body string }
		s.must("POST", "/api/v1/applications/1/decline/preview", fmt.Sprintf(`{"reason":"timing","sender_name":"Sam Lee","variant":%d}`, v), 200, &l)
		if strings.Contains(l.Body, " at 13:00") || !strings.Contains(l.Body, "5 March at 14:00") || strings.Contains(l.Body, "Thursday's") {
			t.Errorf("variant %d does not name 5 March at 14:00 in Berlin time:\n%s", v, l.Body)
		}
	}
}

// TestCancelledInterviewInUSEnglish: a user in a US time zone writes in
// US English, the slot month first on the 12-hour clock.
func TestCancelledInterviewInUSEnglish(t *testing.T) {
	s := newServer(t)
	s.must("PATCH", "/api/v1/settings", `{"time_zone":"America/Chicago"}`, 200, nil)
	s.must("POST", "/api/v1/applications", `{"company":"Acme","role":"Dev","contact_name":"Dana Smith",
		"invitation":{"received_at":"`+rfc3339(start.Add(-2*time.Hour))+`","interview_at":"2026-03-05T13:00:00Z"}}`, 201, nil)
	s.must("POST", "/api/v1/applications/1/transitions", `{"to":"scheduled"}`, 200, nil)
	for v := range 8 {
		var l struct{ Subject, Body string }
		s.must("POST", "/api/v1/applications/1/decline/preview", fmt.Sprintf(`{"reason":"timing","sender_name":"Sam Lee","variant":%d}`, v), 200, &l)
		text := l.Subject + "\n" + l.Body
		if !strings.Contains(text, "March 5 at 7 a.m.") || strings.Contains(text, "07:00") || strings.Contains(text, " at 7") && !strings.Contains(text, " at 7 a.m.") ||
			strings.Contains(text, "realised") || strings.Contains(text, "Cancelling") {
			t.Errorf("variant %d is not in US English:\n%s", v, text)
		}
	}
}

// TestFollowUpLikeTheDecline: after a phone decline the follow-up is an
// e-mail confirming the call; it can be previewed in either kind, its
// edit is checked, and an edit that fails is refused (nothing written)
// unless overridden.
func TestFollowUpLikeTheDecline(t *testing.T) {
	s := newServer(t)
	s.seed()
	const url = "/api/v1/applications/1/follow-up"
	s.must("POST", "/api/v1/applications/1/decline", `{"reason":"timing","sender_name":"Sam Lee","channel":"phone"}`, 200, nil)
	var confirm, thanks struct{ Subject, Body string }
	s.must("POST", url+"/preview", ``, 200, &confirm)
	s.must("POST", url+"/preview", `{"kind":"thanks"}`, 200, &thanks)
	if !strings.HasPrefix(confirm.Subject, "Re: ") || !strings.Contains(confirm.Body, "call") {
		t.Errorf("the follow-up of a phone decline does not confirm the call by e-mail:\n%s\n\n%s", confirm.Subject, confirm.Body)
	}
	if thanks.Body == confirm.Body || strings.Contains(thanks.Body, "reached you") {
		t.Errorf("the thanks follow-up asks whether the decline arrived:\n%s", thanks.Body)
	}
	for _, sc := range []scenario{
		{"another wording", "POST", url + "/preview", `{"variant":1}`, "", 200, []string{`"checks":`}},
		{"a bad kind", "POST", url + "/preview", `{"kind":"nag"}`, "", 422, []string{`"kind":"kind must be one of confirm, thanks"`}},
		{"a failing edit is shown", "POST", url + "/preview", `{"body":"DID YOU GET IT?"}`, "", 200, []string{`"rule":"gratitude","ok":false`}},
		{"a failing edit is refused", "POST", url, `{"body":"DID YOU GET IT?"}`, "", 422, []string{`"checks.gratitude":`, "override"}},
		{"a bad kind is refused", "POST", url, `{"kind":"nag"}`, "", 422, []string{`"kind":`}},
		{"recorded", "POST", url, `{"kind":"thanks","note":"they replied"}`, "", 200, []string{`"status":"followed_up"`, `"kind":"follow_up"`}},
	} {
		t.Run(sc.name, func(t *testing.T) { s.run(t, sc) })
	}
}

// TestWithdrawalLetter: an application withdrawn before any invitation can
// leave with a letter, previewed and checked like a decline; a bad choice
// or a failing edit is refused and nothing is written; without a reason
// the withdrawal is recorded alone.
func TestWithdrawalLetter(t *testing.T) {
	s := newServer(t)
	s.seed() // application 2, Globex, applied
	const url = "/api/v1/applications/2/withdrawal"
	const base = `"reason":"another_offer","sender_name":"Sam Lee"`
	for _, sc := range []scenario{
		{"preview", "POST", url + "/preview", `{` + base + `,"detail":"the care in your job description"}`, "", 200,
			[]string{"the SRE position", "withdraw", "the care in your job description", `"offer":"none"`}},
		{"not once invited", "POST", "/api/v1/applications/1/withdrawal/preview", `{` + base + `}`, "", 409, []string{"decline it instead"}},
		{"a bad offer", "POST", url, `{` + base + `,"offer":"money"}`, "", 422, []string{`"offer":`}},
		{"a failing edit", "POST", url, `{` + base + `,"body":"bye"}`, "", 422, []string{`"checks.gratitude":`}},
		{"an edit needs a reason", "POST", url, `{"body":"bye"}`, "", 422, []string{`"reason":"reason is required"`}},
		{"withdrawn with its letter", "POST", url, `{` + base + `,"note":"took another job"}`, "", 200,
			[]string{`"status":"withdrawn"`, `"kind":"withdraw"`, "the SRE position"}},
	} {
		t.Run(sc.name, func(t *testing.T) { s.run(t, sc) })
	}
	s.must("POST", "/api/v1/applications", `{"company":"Umbrella","role":"QA"}`, 201, nil)
	s.run(t, scenario{"without a letter", "POST", "/api/v1/applications/3/withdrawal", ``, "", 200, []string{`"status":"withdrawn"`, `"letters":[]`}})
}

// TestPhoneDeclineKeepsItsVoicemail: a phone decline is stored with the
// voicemail its preview showed.
func TestPhoneDeclineKeepsItsVoicemail(t *testing.T) {
	s := newServer(t)
	s.seed()
	const body = `{"reason":"timing","sender_name":"Sam Lee","channel":"phone"}`
	var p struct{ Voicemail string }
	s.must("POST", "/api/v1/applications/1/decline/preview", body, 200, &p)
	var d struct {
		Letters []struct{ Voicemail string } `json:"letters"`
	}
	s.must("POST", "/api/v1/applications/1/decline", body, 200, &d)
	if p.Voicemail == "" || len(d.Letters) != 1 || d.Letters[0].Voicemail != p.Voicemail {
		t.Fatalf("previewed voicemail %q, stored %+v", p.Voicemail, d.Letters)
	}
}

// TestFollowUpDraftRepliesToTheDecline: the follow-up preview as an .eml
// replies to the stored decline's Message-ID before it is recorded.
func TestFollowUpDraftRepliesToTheDecline(t *testing.T) {
	s := newServer(t)
	s.seed()
	var d struct {
		Letters []struct{ ID int64 } `json:"letters"`
	}
	s.must("POST", "/api/v1/applications/1/decline", `{"reason":"timing","sender_name":"Sam Lee"}`, 200, &d)
	dec := s.do("GET", fmt.Sprintf("/api/v1/applications/1/letters/%d.eml", d.Letters[0].ID), "")
	draft := s.do("POST", "/api/v1/applications/1/follow-up/preview.eml", `{"kind":"thanks"}`)
	id := emlHeader(dec.Body.String(), "Message-ID")
	if draft.Code != 200 || id == "" || emlHeader(draft.Body.String(), "In-Reply-To") != id {
		t.Fatalf("the follow-up draft (%d) does not reply to the decline %q:\n%s", draft.Code, id, draft.Body)
	}
}

// emlHeader returns the value of the first header key in an RFC 5322 message.
func emlHeader(msg, key string) string {
	for _, line := range strings.Split(msg, "\r\n") {
		if v, ok := strings.CutPrefix(line, key+": "); ok {
			return v
		}
	}
	return ""
}

// TestSentLetterKeepsItsChoices: a decline is stored with the detail,
// offer and wording chosen for it, and the API shows them with the letter.
func TestSentLetterKeepsItsChoices(t *testing.T) {
	s := newServer(t)
	s.seed()
	const body = `{"reason":"timing","sender_name":"Sam Lee","detail":"meeting the platform team","offer":"reference","variant":2}`
	var d struct {
		Letters []struct {
			Detail, Offer string
			Variant       int
		} `json:"letters"`
	}
	s.must("POST", "/api/v1/applications/1/decline", body, 200, &d)
	if len(d.Letters) != 1 || d.Letters[0].Detail != "meeting the platform team" || d.Letters[0].Offer != "reference" || d.Letters[0].Variant != 2 {
		t.Fatalf("stored letters %+v", d.Letters)
	}
	s.must("GET", "/api/v1/applications/1", ``, 200, &d)
	if len(d.Letters) != 1 || d.Letters[0].Offer != "reference" || d.Letters[0].Variant != 2 {
		t.Fatalf("read back %+v", d.Letters)
	}
}
