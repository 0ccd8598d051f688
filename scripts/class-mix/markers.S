/* Segment markers for the TB-log counter: each is a one-instruction function
 * at its own address; tbcount starts a segment after the block at mark_begin
 * and ends it at the block at mark_end. */
    .syntax unified
    .thumb
    .text
    .global mark_begin
    .type mark_begin, %function
    .thumb_func
    .p2align 2
mark_begin:
    bx lr
    .size mark_begin, .-mark_begin
    .global mark_end
    .type mark_end, %function
    .thumb_func
    .p2align 2
mark_end:
    bx lr
    .size mark_end, .-mark_end
