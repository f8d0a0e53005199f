package httpapi_test

import (
	"testing"
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
