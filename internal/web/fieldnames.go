package web

import "strings"

// fieldLabels are the service's field names in the words of the forms,
// so that an error says "Received must not be in the future" beside the
// field labelled Received.
var fieldLabels = map[string]string{
	"company": "Company", "role": "Role", "location": "Location", "job_url": "Job posting link",
	"source": "Found via", "contact_name": "Contact name", "contact_kind": "Letters address",
	"contact_title": "Contact's title", "greeting_name": "Greet them as", "contact_email": "Contact e-mail", "notes": "Notes",
	"applied_at": "Applied", "offer_made_on": "Offer made on", "received_at": "Received", "respond_by": "Respond by", "interview_at": "Interview time",
	"format": "Format", "message": "Their message", "sender_name": "Sign as", "reason_detail": "Your own reason",
	"detail": "One detail", "detail_kind": "What the detail is", "offer": "Offer of help", "variant": "Wording",
	"subject": "Subject", "body": "Letter", "name": "Name", "email": "E-mail", "phone": "Phone", "link": "Link",
	"time_zone": "Time zone", "response_window": "Answer invitations within", "follow_up_after": "Follow up a decline after",
	"no_reply_days": "Nudge me after no reply for", "new_password": "New password", "current_password": "Current password",
}

// inFormWords rewrites a field error that starts with the service's name
// of the field (possibly under "invitation.") to start with its label.
func inFormWords(field, msg string) string {
	name := strings.TrimPrefix(field, "invitation.")
	label, ok := fieldLabels[name]
	if !ok {
		return msg
	}
	for _, prefix := range []string{field + " ", "invitation." + name + " ", name + " "} {
		if strings.HasPrefix(msg, prefix) {
			return label + " " + strings.TrimPrefix(msg, prefix)
		}
	}
	return msg
}
