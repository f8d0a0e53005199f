package workflow

import "testing"

// BenchmarkCheck measures one move's check over every pair of states and
// every action: what the service runs before each move.
func BenchmarkCheck(b *testing.B) {
	actions := []Action{ActionMove, ActionDecline, ActionFollowUp, ActionWithdraw}
	for b.Loop() {
		for _, from := range states {
			for _, to := range states {
				for _, a := range actions {
					_ = Check(from, to, a)
				}
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(states)*len(states)*len(actions)), "ns/check")
}

// BenchmarkNext measures the allowed transitions of every state, which each
// application's detail carries.
func BenchmarkNext(b *testing.B) {
	for b.Loop() {
		for _, s := range states {
			_ = Next(s)
		}
	}
}
