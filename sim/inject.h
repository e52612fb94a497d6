/* sim/inject.h: asynchronous exceptions injected at a point of the run
 * (`--inject KIND@WHERE[,esr=...]`), and the record of every asynchronous
 * exception from assertion to fate. */
#ifndef SIM_INJECT_H
#define SIM_INJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum inj_kind { INJ_IRQ, INJ_FIQ, INJ_SERROR, INJ_VIRQ, INJ_VFIQ, INJ_VSERROR, INJ_KINDS };
enum inj_trigger { TRIG_PC, TRIG_INSN, TRIG_CYCLE };

typedef struct sim_injection {
    char spec[128];      /* as the user wrote it */
    char where[96];      /* the WHERE part, resolved by the machine */
    uint8_t kind;        /* enum inj_kind */
    uint8_t trig;        /* enum inj_trigger */
    uint64_t value;      /* address, instruction count or cycle */
    bool has_iss;
    uint32_t iss;        /* SError syndrome (ISS), from esr=... */
    bool fired;
} sim_injection;

/* Lifecycle of one asynchronous exception. */
enum async_fate {
    AFATE_PENDING,
    AFATE_TAKEN,
    AFATE_DEFERRED,
    AFATE_HOST, /* still pending when the host ran: the host's to take */
};

typedef struct sim_async_record {
    uint8_t kind;          /* enum inj_kind (virtual kinds for virtual ones) */
    bool by_software;      /* raised by the code itself (HCR_EL2.VSE...), not injected */
    int injection;         /* index into the injections, or -1 */
    const char *source;    /* origin when not injected: "code", a device */
    uint64_t at_insn, at_cycle, at_pc;
    uint8_t fate;          /* enum async_fate */
    uint8_t el;            /* EL it was taken to, or the EL that deferred it */
    uint64_t vector, elr;  /* for a taken one */
    uint64_t fate_insn;
} sim_async_record;

/* Parse KIND@WHERE[,esr=0x...]; WHERE is kept as text (resolved later:
 * a symbol, symbol+offset, an address, insn=N or cycle=N). */
bool inject_parse(const char *spec, sim_injection *out, char *err, size_t len);
const char *inject_kind_name(unsigned kind);

#endif
