/* Minimal bare-metal startup for the MPS2 QEMU machines (shared by
 * scripts/tflm-reference-count and scripts/class-mix). */
#include <stdint.h>
extern uint32_t __stack_top, __data_load, __data_start, __data_end,
    __bss_start, __bss_end;
int main(void);
void semihost_exit(int code);

void Reset_Handler(void) {
  uint32_t *s = &__data_load, *d = &__data_start;
  while (d < &__data_end) *d++ = *s++;
  for (d = &__bss_start; d < &__bss_end;) *d++ = 0;
#if defined(__ARM_FP)
  /* CPACR: full access to CP10/CP11 */
  *(volatile uint32_t *)0xE000ED88 |= (0xFu << 20);
  __asm volatile("dsb\n isb");
#endif
  semihost_exit(main());
  for (;;) {}
}

static void Default_Handler(void) { semihost_exit(99); for (;;) {} }

__attribute__((section(".vectors"), used)) void *const vectors[16] = {
    &__stack_top, (void *)Reset_Handler, (void *)Default_Handler,
    (void *)Default_Handler, (void *)Default_Handler, (void *)Default_Handler,
    (void *)Default_Handler, 0, 0, 0, 0, (void *)Default_Handler,
    (void *)Default_Handler, 0, (void *)Default_Handler,
    (void *)Default_Handler};
