package decline

import "slices"

// An offer e-mail carries thanks, the decision and its reason, the user's
// detail, an offer of help and a close, and at most one warm line besides:
// what the decision cost, what the meetings were like, or what the writer
// knows of the reader's side (see reflect). A reviewer read "It was not an
// easy decision after meeting the team. I was impressed by the people I
// met." as a stack: the closing courtesy was a second warm line, on the
// meetings the line before had named. So, in an offer e-mail:
//   - its closing lines (a wish, a courtesy, thanks once more) are plain
//     once its warm line is written, and none speaks of the meetings once
//     the letter has (see withinWarmth);
//   - no sentence speaks of the meetings right after one that did, in
//     other words or the same, while another phrasing can say its part
//     (see chooser.meetings; "met" and "meeting" share a stem, see
//     irregularVerbs).

// meetingWords mark a sentence that speaks of meeting the people: the
// meetings, the conversations, getting to know them. Not "meet" alone,
// which as often meets a need ("the package does not quite meet my
// needs").
var meetingWords = newWordsFold(`(?i)\b(meeting|meetings|met|meet you|meet the|meet everyone|conversation\w*|chat|chats|chatting|talking|talked|talk with|interviews|get to know|getting to know|got to know|everyone I|people I|the people)\b`,
	"meeting", "meetings", "met", "meet you", "meet the", "meet everyone", "conversation*", "chat", "chats", "chatting", "talking", "talked",
	"talk with", "interviews", "get to know", "getting to know", "got to know", "everyone I", "people I", "the people")

// meetingTalk reports a sentence that speaks of meeting the people.
func meetingTalk(s string) bool { return meetingWords.MatchString(s) }

// warmWords mark a line that says what the process or the people were
// like to the writer, or what the writer would have liked.
var warmWords = newWordsFold(`(?i)\b(pleasure|enjoy\w*|glad to have|pleased|delighted|impress\w*|respect|admire|liked|loved|valued|great to deal|whole process|every step|impression|kind of you|part of the team)\b`,
	"pleasure", "enjoy*", "glad to have", "pleased", "delighted", "impress*", "respect", "admire", "liked", "loved", "valued", "great to deal",
	"whole process", "every step", "impression", "kind of you", "part of the team")

// warmLine reports one of our sentences that is a warm line: it speaks of
// the meetings or says what the process meant. Thanks may be one too: "I
// appreciated every conversation we had" after "I enjoyed learning about
// the role" is a second, where "Thank you once more for the offer" closes.
func warmLine(s string) bool {
	return meetingTalk(s) || warmWords.MatchString(s)
}

// spokeOfMeetings reports a draft with a sentence that speaks of meeting
// the people.
func spokeOfMeetings(text string) bool {
	for s := range sentenceSeq(text) {
		if meetingTalk(s) {
			return true
		}
	}
	return false
}

// withinWarmth is list, in an offer e-mail, without the lines the letter
// has no room for: the warm lines once its one warm line is written, and
// the lines that speak of the meetings once it has spoken of them. It is
// list itself in any other letter, or when nothing would be left.
func (e *emailWriter) withinWarmth(list []string) []string {
	if e.r.Situation != SituationOffer {
		return list
	}
	warm, met := e.reflected, spokeOfMeetings(e.d.text())
	if !warm && !met {
		return list
	}
	out := slices.DeleteFunc(slices.Clone(list), func(s string) bool {
		return warm && warmLine(s) || met && meetingTalk(s)
	})
	if len(out) == 0 {
		return list
	}
	return out
}
