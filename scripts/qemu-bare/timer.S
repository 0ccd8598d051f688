/* SysTick bracketing helpers with fixed instruction counts, shared by
 * scripts/tflm-reference-count and scripts/class-mix. Thumb code that
 * assembles for ARMv6-M (Cortex-M0) as well as ARMv7-M/ARMv8-M.
 * SYST_CVR = 0xE000E018 counts down at the CPU clock (CLKSOURCE=1).
 * Under `-icount shift=0` QEMU advances virtual time 1 ns per instruction,
 * so one SysTick tick = 40 instructions at 25 MHz (50 at 20 MHz).
 *
 * sync_start(): spin until CVR changes; returns the new value. The tick edge
 *   lies within the last spin iteration (3 instructions).
 * sync_end(uint32_t *k): read CVR, then spin counting iterations (4
 *   instructions each) until it changes; *k = iterations; returns new value.
 * Both are bracketing constants that cancel against the empty bracket.
 * How sync_end stores k: `str r3, [r12]` (Thumb-2), or `mov r1, r12;
 * str r3, [r1]` on ARMv6-M (no str with a high base register) and wherever
 * SYNC_END_VIA_R1 is defined. The store comes after the closing tick edge,
 * so it is in no bracket; but the extra instruction shifts every later
 * bracket by one instruction against the SysTick edges, and with it the
 * +-3/4-instruction quantization of single readings. Each harness therefore
 * keeps the form its CSV was measured with: tflm-reference-count the str
 * via r12, class-mix the r1 form on every core (its measure passes
 * -DSYNC_END_VIA_R1). */
    .syntax unified
    .thumb
    .text

    .global sync_start
    .type sync_start, %function
    .thumb_func
sync_start:
    ldr   r1, =0xE000E018
    ldr   r2, [r1]
1:  ldr   r0, [r1]
    cmp   r0, r2
    beq   1b
    bx    lr
    .size sync_start, .-sync_start

    .global sync_end
    .type sync_end, %function
    .thumb_func
sync_end:
    mov   r12, r0
    ldr   r1, =0xE000E018
    ldr   r2, [r1]
    movs  r3, #0
1:  adds  r3, r3, #1
    ldr   r0, [r1]
    cmp   r0, r2
    beq   1b
#if defined(__ARM_ARCH_6M__) || defined(SYNC_END_VIA_R1)
    mov   r1, r12
    str   r3, [r1]
#else
    str   r3, [r12]
#endif
    bx    lr
    .size sync_end, .-sync_end

/* loop2(n): subs+bne executed n times (2n instructions + const) */
    .global loop2
    .type loop2, %function
    .thumb_func
loop2:
1:  subs  r0, r0, #1
    bne   1b
    bx    lr
    .size loop2, .-loop2

/* loop10(n): 8 adds + subs + bne executed n times (10n + const) */
    .global loop10
    .type loop10, %function
    .thumb_func
loop10:
1:  adds  r1, r1, #1
    adds  r1, r1, #1
    adds  r1, r1, #1
    adds  r1, r1, #1
    adds  r1, r1, #1
    adds  r1, r1, #1
    adds  r1, r1, #1
    adds  r1, r1, #1
    subs  r0, r0, #1
    bne   1b
    bx    lr
    .size loop10, .-loop10
    .ltorg
