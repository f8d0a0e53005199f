package decline

// chooser picks phrasings deterministically from a letter's Variant and the
// user's Wording.
type chooser uint64

func newChooser(variant, wording uint64) chooser {
	return chooser(variant ^ wording*0xD1B54A32D192ED69)
}

// The parts of a letter, mixed into the choice so that each part varies
// independently of the others.
const (
	partGreeting = iota + 1
	partOpening
	partReason
	partDetail
	partOffer
	partClosing
	partSignoff
	partIntro
	partAsk
	partThanks
	partLayout
)

// pick returns the phrasing of part chosen by c: the splitmix64 finaliser
// spreads neighbouring values over all phrasings.
func (c chooser) pick(part int, list []string) string {
	if len(list) == 0 {
		return ""
	}
	x := uint64(c) + uint64(part)*0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	x ^= x >> 31
	return list[x%uint64(len(list))]
}
