/* Measured kernels of scripts/quant-count (kernels.c, compiled -Ofast in a
 * separate translation unit so that every call is a real call). */
#ifndef QUANT_KERNELS_H
#define QUANT_KERNELS_H
#include <stdint.h>

#define HUFF_MAXBITS 16
typedef struct {
  uint16_t count[HUFF_MAXBITS + 1]; /* codes per length (count[0] unused) */
  const uint16_t *symbol;           /* symbols in canonical order */
} huff_t;

/* --- per-MAC: zero-point subtraction (loop difference) and fp32 MACs --- */
int32_t mac_s8_off0(const int8_t *in, const int8_t *w, int n);
int32_t mac_s8_off1(const int8_t *in, const int8_t *w, int n, int32_t in_off);
int32_t mac_s8_off2(const int8_t *in, const int8_t *w, int n, int32_t in_off, int32_t w_off);
float mac_f32(const float *a, const float *b, int n);

/* --- per-output: affine requantization in stages --- */
void rq_base(const int32_t *acc, int8_t *out, int n);
void rq_mul(const int32_t *acc, const int32_t *mult, int8_t *out, int n);
void rq_shift(const int32_t *acc, const int32_t *mult, const int32_t *shift, int8_t *out, int n);
void rq_full(const int32_t *acc, const int32_t *mult, const int32_t *shift, int8_t *out, int n,
             int32_t out_off, int32_t act_min, int32_t act_max);

/* --- per-output: Q-format rescale in stages --- */
void q_base(const int32_t *acc, const int8_t *bias, int8_t *out, int n);
void q_shift(const int32_t *acc, const int8_t *bias, int8_t *out, int n, int bias_shift, int out_shift);
void q_sat(const int32_t *acc, const int8_t *bias, int8_t *out, int n, int bias_shift, int out_shift);

/* --- code-book unpack --- */
void huff_decode_n(const uint8_t *stream, const huff_t *h, uint8_t *sym, int m);
void cb_unpack_dense(const uint8_t *stream, const huff_t *h, const int8_t *cb, int8_t *out, int n);
void cb_unpack_sparse(const uint8_t *stream, const huff_t *ih, const huff_t *gh, const int8_t *cb,
                      int filler, int8_t *out, int n, int entries);
#endif
