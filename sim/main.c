/* sim/main.c: the `sim` program: parse options, build a machine, load the
 * ELF, run it bare-metal, report, and exit with the documented status. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "machine.h"
#include "model.h"
#include "options.h"
#include "regs.h"
#include "report.h"
#include "trace.h"

static int die(const char *msg)
{
    fprintf(stderr, "sim: %s\n", msg);
    return SIM_EXIT_USAGE;
}

/* --entry: a symbol of the loaded ELF or a number. */
static bool resolve_entry(const sim_machine *m, const char *s, uint64_t *pc)
{
    return machine_symbol(m, s, pc) || cli_number(s, pc);
}

static int run(sim_machine *m, const sim_options *o)
{
    char err[512];
    sim_model mdl;
    if (!model_load(o->model, &mdl, err, sizeof err))
        return die(err);
    model_apply(&mdl, &m->cpu);
    m->fw.needs_wa1 = mdl.workaround[1];
    m->fw.needs_wa2 = mdl.workaround[2];
    m->fw.needs_wa3 = mdl.workaround[3];
    for (unsigned i = 0; i < o->nrams; i++)
        if (!machine_add_ram(m, o->rams[i].addr, o->rams[i].len, err, sizeof err))
            return die(err);
    const sim_image *img = machine_load(m, o->elf, err, sizeof err);
    if (!img)
        return die(err);
    uint64_t pc = img->entry;
    if (o->entry && !resolve_entry(m, o->entry, &pc)) {
        snprintf(err, sizeof err, "--entry '%s': no such symbol in %s and not an address", o->entry, o->elf);
        return die(err);
    }
    machine_start(m, o->el, pc, o->sp);
    if (o->have_hcr)
        m->cpu.sr[SR_HCR_EL2] = o->hcr | (o->el < 2 ? HCR_EL2_RW : 0);
    if (o->async_take)
        model_policy(o->async_take, &m->cpu.async_policy);
    for (unsigned i = 0; i < o->ninject; i++)
        if (!machine_add_injection(m, &o->inject[i], err, sizeof err))
            return die(err);
    // a bare-metal run at EL1 has no EL2 code: firmware answers its HVCs
    machine_set_hvc_conduit(m, o->el == 1);
    m->insn_limit = o->max_insns;
    m->cycle_limit = o->max_cycles;
    if (o->trace) {
        FILE *tf = stdout;
        if (o->trace_file && !(tf = fopen(o->trace_file, "w"))) {
            snprintf(err, sizeof err, "%s: cannot write the trace file", o->trace_file);
            return die(err);
        }
        m->trace = trace_new(tf, tf != stdout);
        if (!m->trace)
            return die("out of memory");
    }
    int stop = machine_run(m);
    trace_free(m->trace);
    m->trace = NULL;
    if (o->json) {
        if (!report_json(stdout, m, o))
            return die("cannot write the JSON summary");
    } else {
        report_text(stdout, m, o);
    }
    int status = report_exit_status(stop);
    // an injection that never fired leaves the scenario untested
    if (status == SIM_EXIT_OK && m->nunfired && !o->allow_unfired) {
        fprintf(stderr, "sim: %u injection(s) never fired (use --allow-unfired if expected)\n", m->nunfired);
        status = SIM_EXIT_FAIL;
    }
    return status;
}

int main(int argc, char **argv)
{
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
    sim_machine *m = malloc(sizeof *m);
    if (!m || !machine_init(m))
        return die("out of memory");
    int status = run(m, &o);
    machine_fini(m);
    free(m);
    return status;
}
