/* Non-DSP CMSIS-NN (CMSIS_5, 2020-2021) kernels: cmsis2020_nodsp.c */
#ifndef CMSIS2020_NODSP_H
#define CMSIS2020_NODSP_H
#include "cmsis_re.h"
cr_conv_fn c20_convolve, c20_convolve_1x1_fast, c20_convolve_wrapper, c20_fully_connected;
#endif
