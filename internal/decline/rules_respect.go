package decline

import (
	"fmt"
	"strings"
)

// negativePhrases judge, blame or insult the company, its people, the role,
// the process or the pay, or say it with sarcasm or passive aggression
// (rule respectful).
var negativePhrases = phrases(
	// the process and the people
	"waste of time", "waste of my time", "wasted my|our time", "wasting my time", "disorgani*", "unorgani*",
	"chaos", "chaotic", "a mess", "messy", "shambles", "circus", "clown*", "nightmare*", "disaster*",
	"unprofessional*", "rude*", "arrogan*", "condescending", "patroni*", "disrespect*", "incompeten*", "clueless",
	"amateur*", "lazy", "sloppy", "careless", "useless", "idiot*", "moron*", "stupid*", "dumb", "ignorant",
	"ghosted", "lied", "liar*", "dishonest*", "shady", "sketchy", "scam*", "fraud*", "bait and switch",
	"red flag*", "toxic*", "hostile", "unfair*", "unacceptable", "shame*", "ashamed", "embarrass*",
	"appall*", "outrage*", "disgust*", "pathetic", "ridiculous*", "absurd", "laughable", "joke*",
	"terrible", "awful*", "horrible", "horrendous", "dreadful", "worst", "bad experience", "disappointing",
	"disappointed by|with|in", "mediocre", "inferior", "boring", "dead end", "burnt|burned out", "exhausting",
	// the pay
	"lowball*", "low ball*", "low pay|salary|offer|compensation|package|wage*", "too low", "so low",
	"underpa*", "cheap*", "stingy", "peanuts", "penny pinching", "greed*", "exploit*", "insult*",
	"below market", "not worth", "beneath me", "out of touch", "slave*",
	// blame
	"your fault", "you failed", "you never", "you didn't", "you did not", "you kept", "you forgot", "you ignored",
	"kept me waiting", "left me hanging", "nobody|no one bothered", "took you", "took weeks|months|forever",
	"could not be bothered", "couldn't be bothered", "you people", "your recruiters|recruiter|team failed",
	// sarcasm and passive aggression
	"toleran*|tolerat*", "put up with", "per my last", "as i already said|mentioned|stated", "as previously stated",
	"with all due respect", "thanks for nothing", "oh great", "what a surprise", "how convenient", "must be nice",
	"funny how", "good luck finding someone", "i'm sure you'll find someone", "surely you", "clearly you",
	"obviously you", "needless to say", "frankly", "lol", "whatever", "i guess",
	// plain abuse
	"garbage", "trash*", "rubbish", "crap*", "suck|sucks|sucked", "hate|hated|hates|hateful", "damn*",
	"bullshit", "shit*", "ass", "asshole*", "wtf", "fuck*", "cunt*", "bastard*", "bitch*", "pissed",
)

// comparisonPhrases judge the employer by comparison with the writer's
// other choice (rule respectful): "my current job is better than this
// offer", "your offer was not competitive", "the other company pays more
// than you", "a better company". Saying what the writer chose ("I have
// accepted another offer", "the other role is closer to home", "a better
// fit for my family") is not a comparison of the employer and passes.
var comparisonPhrases = phrases(
	"better than this|that|your|yours|you|what|the|their",
	"pay|pays|paid|paying|offer|offers|offered|offering more than", "more money|pay|salary than",
	"pay|pays|paid|paying better", "better paid|paying|pay|salary|salaries|package|compensation|money|benefits|perks|terms|deal",
	"higher pay|salary|offer|package|compensation|rate", "bigger|larger salary|offer|package",
	"not|isn't|wasn't|aren't|weren't|less|hardly|never competitive", "not|isn't|wasn't|aren't|weren't very|really|particularly|quite|as|that|so competitive",
	"is|was|were|are not competitive", "uncompetitive", "more competitive", "more attractive|generous offer|package|role|company|employer",
	"not as good as", "worse than", "can't|cannot|couldn't match|compete|beat|top", "could|can not|never match|compete|beat|top",
	"outbid*", "outpaid|outpay|outpays", "earn|earns|earning|make|makes|making more than", "beat|beats|beaten|top|tops|topped|exceeds|exceeded your|the offer",
	"a|the|much|far better company|employer|organisation|organization|place|opportunity|offer|job|role|position|team|workplace|culture|deal",
	"superior offer|package|company|employer|role|position", "more prestigious|reputable",
)

// selfIdioms are the writer's own polite idioms about themselves that use a
// word of negativePhrases or comparisonPhrases: "I hate to do this",
// "terrible timing on my part", "the other role suits me better than this
// one".
var selfIdioms = phrases("i hate to", "i'd hate to", "terrible|awful|bad timing on my part|end", "my terrible|awful timing",
	"sorry for|about the terrible|awful timing", "apologies for the terrible|awful timing", "i'm terrible at",
	"suit|suits|suited|fit|fits me better than", "suit|suits|suited|fit|fits better than")

// The indexes of the two lists, for the scan of every sentence.
var negativeIndex, comparisonIndex, selfIdiomIndex = indexPhrases(negativePhrases), indexPhrases(comparisonPhrases), indexPhrases(selfIdioms)

// ruleRespectful: no negative, blaming, sarcastic or passive-aggressive
// phrase, nor a comparison that judges the employer, appears outside the
// writer's polite idioms about themselves.
func ruleRespectful(t letterText) Check {
	var found []string
	compared := 0 // how many of found are comparisons
	for _, ws := range t.neutralSentWs {
		var covered []bool // by the writer's idioms; nil while none is found
		for i := range ws {
			for _, p := range selfIdiomIndex.at(ws[i]) {
				if p.matchAt(ws, i) {
					if covered == nil {
						covered = make([]bool, len(ws))
					}
					for j := i; j < i+len(p); j++ {
						covered[j] = true
					}
				}
			}
		}
		isCovered := func(i int) bool { return covered != nil && covered[i] }
		for i := range ws {
			if p := matchFirst(negativeIndex, ws, i, isCovered); p != "" {
				found = append(found, p)
			} else if p := matchFirst(comparisonIndex, ws, i, isCovered); p != "" {
				found = append(found, p)
				compared++
			}
		}
	}
	if len(found) == 0 {
		return pass(RuleRespectful, SeverityError, "The wording is respectful.")
	}
	quoted := make([]string, 0, 3)
	for _, f := range found[:min(3, len(found))] {
		quoted = append(quoted, fmt.Sprintf("%q", f))
	}
	hint := ": say what you are choosing, not what is wrong with them."
	if compared == len(found) {
		hint = ": say what you are choosing, not how they compare."
	}
	return fail(RuleRespectful, SeverityError, "Remove or rephrase "+strings.Join(quoted, ", ")+hint)
}

// matchFirst is the words of the first phrase of x that starts at word i
// of ws and is not covered by the writer's idioms, or "".
func matchFirst(x *phraseIndex, ws []string, i int, covered func(int) bool) string {
	for _, p := range x.at(ws[i]) {
		if p.matchAt(ws, i) && !covered(i) && !covered(i+len(p)-1) {
			return strings.Join(ws[i:i+len(p)], " ")
		}
	}
	return ""
}
