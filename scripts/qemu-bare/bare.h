/* Shared support for the bare-metal measuring programs run in
 * qemu-system-arm (scripts/tflm-reference-count/main.c and
 * scripts/class-mix/main.c): semihosting output, the SysTick registers and
 * bracketing helpers (timer.S), the record printer, the xorshift data
 * generator and the data buffers.
 *
 * Header-only on purpose: include it from exactly ONE translation unit per
 * program (the measuring main.c; startup.c only needs semihost_exit). The
 * helpers are `static` so that they are compiled into the same unit as the
 * measured call sites, as they were when the CSVs were produced. Moved into
 * a separate .c, GCC (-O2 / -Ofast) stops inlining them into main() and
 * allocates registers differently there, which changes the argument
 * marshalling inside the SysTick / mark_begin..mark_end brackets by a few
 * instructions (and their classes). */
#ifndef QEMU_BARE_H
#define QEMU_BARE_H
#include <stdint.h>

/* ---------------- SysTick bracketing (timer.S) ---------------- */
uint32_t sync_start(void);
uint32_t sync_end(uint32_t *k);
void loop2(uint32_t n);
void loop10(uint32_t n);
/* One measured bracket around the statement `...` (e.g. a kernel call):
 *   v0 = sync_start(); MARK_BEGIN(); ...; MARK_END(); v1 = sync_end(&k);
 * MARK_BEGIN / MARK_END are the class-mix TB-log segment markers; a program
 * that uses them defines both before including this header. */
#ifndef MARK_BEGIN
#define MARK_BEGIN() ((void)0)
#define MARK_END() ((void)0)
#endif
#define BRACKET(v0, v1, k, ...)                                             \
  do {                                                                      \
    (v0) = sync_start(); MARK_BEGIN();                                      \
    __VA_ARGS__;                                                            \
    MARK_END(); (v1) = sync_end(&(k));                                      \
  } while (0)

/* ---------------- semihosting output ---------------- */
static int semihost(int op, const void *arg) {
  register int r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}
void semihost_exit(int code) { /* called by startup.c */
  (void)code;
  semihost(0x18, (const void *)0x20026); /* ADP_Stopped_ApplicationExit */
}
static char obuf[256];
static int opos;
static void flush(void) { obuf[opos] = 0; semihost(0x04, obuf); opos = 0; }
static void puts_(const char *s) {
  while (*s) { if (opos > 240) flush(); obuf[opos++] = *s++; }
}
static void putu(uint32_t v) {
  char t[12]; int i = 0;
  do { t[i++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (i) { if (opos > 240) flush(); obuf[opos++] = t[--i]; }
}

/* ---------------- SysTick ---------------- */
#define SYST_CSR (*(volatile uint32_t *)0xE000E010)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018)
/* reload 0xFFFFFF; enable, CPU clock, no IRQ */
#define SYSTICK_START() (SYST_RVR = 0xFFFFFF, SYST_CVR = 0, SYST_CSR = 5)

/* one record line over semihosting: "tag a v0 v1 k sum" */
static void report(const char *tag, uint32_t a, uint32_t v0, uint32_t v1, uint32_t k,
                   uint32_t sum) {
  puts_(tag); puts_(" "); putu(a); puts_(" "); putu(v0); puts_(" "); putu(v1);
  puts_(" "); putu(k); puts_(" "); putu(sum); puts_("\n"); flush();
}

/* ---------------- data ---------------- */
static uint32_t rng; /* xorshift32 state; the caller seeds it per layer */
static uint32_t xs(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

#define MAX_IN (64 * 64 * 48)
#define MAX_OUT (64 * 64 * 48)
#define MAX_FILT (1001 * 1280)
#define MAX_CH 1280
static int8_t in_buf[MAX_IN];
static int8_t out_buf[MAX_OUT];
static int8_t filt_buf[MAX_FILT];
static int32_t bias_buf[MAX_CH], mult_buf[MAX_CH], shift_buf[MAX_CH];
#endif
