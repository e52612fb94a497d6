/* sim/main.c: the `sim` program: parse options, build a machine, load the
 * ELF, run it bare-metal, report, and exit with the documented status. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdb_stub.h"
#include "harness.h"
#include "locate.h"
#include "machine.h"
#include "model.h"
#include "options.h"
#include "regs.h"
#include "report.h"
#include "script.h"
#include "sweep.h"
#include "timeline_out.h"
#include "trace.h"

static int die(const char *msg)
{
    fprintf(stderr, "sim: %s\n", msg);
    return SIM_EXIT_USAGE;
}

/* The machine as the options describe it: model, RAM, firmware. */
static bool configure(sim_machine *m, const sim_options *o, char *err, size_t len)
{
    if (!machine_use_model(m, o->model, o->async_take, err, len))
        return false;
    for (unsigned i = 0; i < o->nrams; i++)
        if (!machine_add_ram(m, o->rams[i].addr, o->rams[i].len, err, len))
            return false;
    m->insn_limit = o->max_insns;
    m->cycle_limit = o->max_cycles;
    m->profile = o->profile;
    m->no_alternatives = o->no_alternatives;
    return true;
}

static bool add_injections(sim_machine *m, const sim_options *o, char *err, size_t len)
{
    for (unsigned i = 0; i < o->ninject; i++)
        if (!machine_add_injection(m, &o->inject[i], err, len))
            return false;
    return true;
}

static bool open_trace(sim_machine *m, const sim_options *o, char *err, size_t len)
{
    if (!o->trace)
        return true;
    FILE *tf = stdout;
    if (o->trace_file && !(tf = fopen(o->trace_file, "w"))) {
        snprintf(err, len, "%s: cannot write the trace file: %s", o->trace_file, strerror(errno));
        return false;
    }
    m->trace = trace_new(tf, tf != stdout);
    if (!m->trace) {
        snprintf(err, len, "out of memory");
        return false;
    }
    trace_set_format(m->trace, (enum trace_format)o->trace_format);
    return true;
}

/* --gdb: listen once the input is known to be good; the first
 * machine_run then waits for the debugger. */
static bool open_gdb(sim_machine *m, const sim_options *o, char *err, size_t len)
{
    if (o->gdb && !(m->gdb = gdb_stub_listen(o->gdb_listen, o->gdb_port, err, len)))
        return false;
    return true;
}

/* An injection that never fired leaves the scenario untested. */
static int unfired_check(sim_machine *m, const sim_options *o, int status)
{
    if (status == SIM_EXIT_OK && m->nunfired && !o->allow_unfired) {
        fprintf(stderr, "sim: %u injection(s) never fired (use --allow-unfired if expected)\n", m->nunfired);
        return SIM_EXIT_FAIL;
    }
    return status;
}

static int run_world_switch(sim_machine *m, const sim_options *o)
{
    char err[512];
    static harness h;
    if (!configure(m, o, err, sizeof err) ||
        !harness_init(&h, m, o->elf, o->guest, stdout, err, sizeof err) ||
        !add_injections(m, o, err, sizeof err) || !open_trace(m, o, err, sizeof err) ||
        !open_gdb(m, o, err, sizeof err))
        return die(err);
    timeline_out tlo;
    if (!timeline_out_open(&tlo, o, m, err, sizeof err))
        return die(err);
    harness_run(&h);
    if (!timeline_out_close(&tlo, m, h.why, err, sizeof err))
        return die(err);
    trace_free(m->trace);
    m->trace = NULL;
    if (o->json) {
        if (!harness_report_json(stdout, &h))
            return die("cannot write the JSON summary");
    } else {
        harness_report_text(stdout, &h);
    }
    return unfired_check(m, o, harness_exit_status(&h));
}

static int run(sim_machine *m, const sim_options *o)
{
    char err[512];
    if (o->guest)
        return run_world_switch(m, o);
    if (!configure(m, o, err, sizeof err))
        return die(err);
    const sim_image *img = machine_load(m, o->elf, err, sizeof err);
    if (!img)
        return die(err);
    uint64_t pc = img->entry;
    char why[480];
    if (o->entry && !locate_resolve(m, o->entry, &pc, why, sizeof why)) {
        snprintf(err, sizeof err, "--entry '%s': %s", o->entry, why);
        return die(err);
    }
    if (o->entry && !locate_in_segment(m, pc)) {
        snprintf(err, sizeof err, "--entry '%s': %s", o->entry, locate_outside(m, pc, why, sizeof why));
        return die(err);
    }
    machine_start(m, o->el, pc, o->sp);
    if (o->have_hcr)
        m->cpu.sr[SR_HCR_EL2] = o->hcr | (o->el < 2 ? HCR_EL2_RW : 0);
    if (!add_injections(m, o, err, sizeof err) || !open_trace(m, o, err, sizeof err) ||
        !open_gdb(m, o, err, sizeof err))
        return die(err);
    // a bare-metal run at EL1 has no EL2 code: firmware answers its HVCs
    machine_set_hvc_conduit(m, o->el == 1);
    timeline_out tlo;
    if (!timeline_out_open(&tlo, o, m, err, sizeof err))
        return die(err);
    int stop = machine_run(m);
    if (!timeline_out_close(&tlo, m, report_stop_name(stop), err, sizeof err))
        return die(err);
    trace_free(m->trace);
    m->trace = NULL;
    if (o->json) {
        if (!report_json(stdout, m, o))
            return die("cannot write the JSON summary");
    } else {
        report_text(stdout, m, o);
    }
    return unfired_check(m, o, report_exit_status(stop));
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "sweep"))
        return sweep_main(argc - 1, argv + 1);
    if (argc > 1 && !strcmp(argv[1], "sweep-merge"))
        return sweep_merge_main(argc - 1, argv + 1);
    sim_options o;
    char err[512];
    switch (cli_parse(argc, argv, &o, err, sizeof err)) {
    case CLI_DONE:
        if (o.list_models && model_list(stdout) < 0) {
            fprintf(stderr, "sim: %s: cannot read the models folder\n", model_dir());
            return SIM_EXIT_USAGE;
        }
        return SIM_EXIT_OK;
    case CLI_ERROR: return die(err);
    case CLI_RUN: break;
    }
    if (o.script && (o.timeline || o.timeline_svg))
        return die("--timeline/--timeline-svg record one machine's run: not available with --script");
    if (o.script)
        return script_run(&o);
    sim_machine *m = malloc(sizeof *m);
    if (!m || !machine_init(m))
        return die("out of memory");
    int status = run(m, &o);
    if (m->gdb) {
        fflush(stdout); // the summary is out before GDB hears the run ended
        gdb_stub_finish(m->gdb, m, status);
        gdb_stub_free(m->gdb);
    }
    machine_fini(m);
    free(m);
    return status;
}
