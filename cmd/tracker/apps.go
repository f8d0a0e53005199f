package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"tracker/internal/api"
	"tracker/internal/applications"
	"tracker/internal/workflow"
)

// cmdAdd adds an application, with its first invitation when any
// invitation flag is given.
func cmdAdd(ctx context.Context, a *app, args []string) error {
	var cfg Config
	var fields fieldFlags
	var inv inviteFlags
	fs := newFlagSet("add")
	cfg.registerData(fs)
	fields.register(fs, a)
	inv.register(fs, a, false)
	status := fs.String("status", "", "the starting `state`: wishlist, applied or invited (default applied, or invited with an invitation)")
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos); err != nil {
		return err
	}
	return a.withService(ctx, &cfg, 0, func(ctx context.Context, svc *applications.Service) error {
		in := applications.NewApplication{Fields: fields.fields(), Status: workflow.State(*status)}
		if inv.given(fs) {
			first := inv.input(a.now()) // here, once the times are in the account's zone
			in.Invitation = &first
		}
		d, err := svc.Create(ctx, in)
		if err != nil {
			return err
		}
		printCreated(a.stdout, d, a.clock())
		return a.noteDuplicates(ctx, svc, &d.Application)
	})
}

// noteDuplicates tells the user when another application has the same
// company and role, so that pasting an add twice does not go unnoticed.
func (a *app) noteDuplicates(ctx context.Context, svc *applications.Service, added *applications.Application) error {
	page, err := listPages(ctx, svc, applications.ListFilter{Query: added.Company, Limit: applications.MaxPageSize}, true)
	if err != nil {
		return err
	}
	for _, other := range page.Items {
		if other.ID != added.ID && strings.EqualFold(other.Company, added.Company) && strings.EqualFold(other.Role, added.Role) {
			a.note(fmt.Sprintf("Note: application %d is also %s, %s (%s); if this one is a duplicate, remove it with 'tracker delete %d'.",
				other.ID, other.Company, other.Role, other.Status, added.ID))
		}
	}
	return nil
}

// cmdList lists applications, one page or with --all every page.
func cmdList(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("list")
	cfg.registerData(fs)
	status := fs.String("status", "", "only applications in this `state`")
	query := fs.String("q", "", "only applications with every word of `text` (or a word it begins) in the company, role, contact, location or notes")
	sort := fs.String("sort", "", "the `order`: newest (default), oldest, company, updated or applied")
	limit := fs.Int("limit", 0, "the page size, at most 200 (default 50)")
	all := fs.Bool("all", false, "follow the pages to the end")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	pos, err := a.parse(fs, &cfg, args)
	if err != nil {
		return err
	}
	if err := wantArgs(pos); err != nil {
		return err
	}
	if err := checkState(*status, "--status"); err != nil {
		return err
	}
	if !applications.ListSort(*sort).Valid() {
		return usageErrorf("--sort must be one of %s", applications.SortsText())
	}
	filter := applications.ListFilter{Status: workflow.State(*status), Query: *query, Sort: applications.ListSort(*sort), Limit: *limit}
	return a.withService(ctx, &cfg, 0, func(ctx context.Context, svc *applications.Service) error {
		page, err := listPages(ctx, svc, filter, *all)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(a.stdout, api.NewPage(page))
		}
		printList(a.stdout, page.Items, a.zone())
		if page.NextCursor != "" {
			a.note("more applications follow; use --all to list them all")
		}
		return nil
	})
}

// listPages returns the first page, or with all every page joined.
func listPages(ctx context.Context, svc *applications.Service, f applications.ListFilter, all bool) (*applications.Page, error) {
	page, err := svc.List(ctx, f)
	if err != nil || !all {
		return page, err
	}
	for page.NextCursor != "" {
		f.Cursor = page.NextCursor
		next, err := svc.List(ctx, f)
		if err != nil {
			return nil, err
		}
		page.Items, page.NextCursor = append(page.Items, next.Items...), next.NextCursor
	}
	return page, nil
}

// cmdShow shows one application with everything that hangs off it.
func cmdShow(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("show")
	cfg.registerData(fs)
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	id, err := a.parseWithID(fs, &cfg, args)
	if err != nil {
		return err
	}
	return a.withService(ctx, &cfg, id, func(ctx context.Context, svc *applications.Service) error {
		d, err := svc.Get(ctx, id)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(a.stdout, api.NewDetail(d))
		}
		printDetail(a.stdout, d, a.clock())
		return nil
	})
}

// cmdEdit changes the fields whose flags are given.
func cmdEdit(ctx context.Context, a *app, args []string) error {
	var cfg Config
	var fields fieldFlags
	fs := newFlagSet("edit")
	cfg.registerData(fs)
	fields.registerEdit(fs, a)
	id, err := a.parseWithID(fs, &cfg, args)
	if err != nil {
		return err
	}
	patch, given := fields.patch(fs)
	if !given {
		return usageErrorf("nothing to change: give at least one of --company, --role, --location, --url, --source, --contact, --email, --notes, --applied, --offer-made-on")
	}
	return a.withService(ctx, &cfg, id, func(ctx context.Context, svc *applications.Service) error {
		d, err := svc.Update(ctx, id, patch)
		if err != nil {
			return err
		}
		printSummary(a.stdout, "Updated", &d.Application)
		return nil
	})
}

// cmdDelete deletes an application after the user confirms, or at once
// with --yes. Without a terminal to ask on, it refuses unless --yes.
func cmdDelete(ctx context.Context, a *app, args []string) error {
	var cfg Config
	fs := newFlagSet("delete")
	cfg.registerData(fs)
	yes := fs.Bool("yes", false, "delete without asking (needed when standard input is not a terminal)")
	id, err := a.parseWithID(fs, &cfg, args)
	if err != nil {
		return err
	}
	if !*yes && !isTerminal(a.stdin) {
		return usageErrorf("delete asks before it deletes, and standard input is not a terminal: add --yes to delete application %d without asking", id)
	}
	return a.withService(ctx, &cfg, id, func(ctx context.Context, svc *applications.Service) error {
		d, err := svc.Get(ctx, id)
		if err != nil {
			return err
		}
		if !*yes && !a.confirm(fmt.Sprintf("Delete application %d (%s, %s) with its %d invitations, %d letters and history? [y/N] ",
			id, d.Company, d.Role, len(d.Invitations), len(d.Letters))) {
			a.note("Nothing deleted.")
			return nil
		}
		if err := svc.Delete(ctx, id); err != nil {
			return err
		}
		a.printf("Deleted application %d.\n", id)
		return nil
	})
}

// confirm asks a yes/no question on standard error and reads the answer
// from standard input; only y or yes is yes.
func (a *app) confirm(question string) bool {
	fmt.Fprint(a.stderr, question)
	line, _ := bufio.NewReader(a.stdin).ReadString('\n')
	answer := strings.ToLower(strings.TrimSpace(line))
	return answer == "y" || answer == "yes"
}

// checkState checks a state given on the command line.
func checkState(s, what string) error {
	if s != "" && !workflow.State(s).Valid() {
		return usageErrorf("%s: %q is not a state; the states are %s", what, s, statesText())
	}
	return nil
}
