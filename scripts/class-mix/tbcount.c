/* Reads a QEMU "-d in_asm,exec,nochain" log on stdin and writes, for each
 * marked segment, the execution counts of translation-block transitions.
 *
 *   usage: tbcount MARK_BEGIN_PC MARK_END_PC > counts.txt
 *
 * in_asm blocks ("IN: sym" then "0xADDR:  ..." lines, then a blank line) give
 * the first and last instruction address of each translated block; the
 * translated block is executed right after it is logged, so the next
 * "Trace N: HOSTPTR [cs_base/PC/flags/cflags]" line with the same PC binds
 * the host pointer to that (first,last) extent. Every later Trace line with
 * that host pointer is one execution of that block (nochain: every block
 * execution is logged).
 *
 * A segment starts after the block at MARK_BEGIN_PC and ends at the block at
 * MARK_END_PC. Output:
 *   T id first last            (block extents, ids in order of first use)
 *   S seg                      (segment start)
 *   E prev cur count           (transition prev -> cur inside the segment;
 *                               prev = -1 for the first block, cur is the
 *                               MARK_END block for the last transition)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PTRSZ (1u << 22)
static uint64_t pkey[PTRSZ];
static int32_t pval[PTRSZ];
#define EXTSZ (1u << 20)
static uint64_t ekey[EXTSZ];
static int32_t eval_[EXTSZ];
#define EDGSZ (1u << 20)
static uint64_t gkey[EDGSZ];
static uint64_t gcnt[EDGSZ];
static uint32_t gused[EDGSZ];
static uint32_t ngused;
static int32_t next_id;

static uint32_t h64(uint64_t x) {
  x ^= x >> 33; x *= 0xff51afd7ed558ccdULL; x ^= x >> 33;
  return (uint32_t)x;
}
static int32_t ext_id(uint32_t first, uint32_t last) {
  uint64_t k = ((uint64_t)first << 32) | last;
  uint32_t i = h64(k) & (EXTSZ - 1);
  while (eval_[i]) {
    if (ekey[i] == k) return eval_[i] - 1;
    i = (i + 1) & (EXTSZ - 1);
  }
  ekey[i] = k; eval_[i] = ++next_id;
  printf("T %d %u %u\n", next_id - 1, first, last);
  return next_id - 1;
}
static void ptr_set(uint64_t p, int32_t id) {
  uint32_t i = h64(p) & (PTRSZ - 1);
  while (pval[i] && pkey[i] != p) i = (i + 1) & (PTRSZ - 1);
  pkey[i] = p; pval[i] = id + 1;
}
static int32_t ptr_get(uint64_t p) {
  uint32_t i = h64(p) & (PTRSZ - 1);
  while (pval[i]) {
    if (pkey[i] == p) return pval[i] - 1;
    i = (i + 1) & (PTRSZ - 1);
  }
  return -1;
}
static void edge(int32_t a, int32_t b) {
  uint64_t k = ((uint64_t)(uint32_t)a << 32) | (uint32_t)b;
  uint32_t i = h64(k) & (EDGSZ - 1);
  while (gcnt[i]) {
    if (gkey[i] == k) { gcnt[i]++; return; }
    i = (i + 1) & (EDGSZ - 1);
  }
  gkey[i] = k; gcnt[i] = 1; gused[ngused++] = i;
}
static int cmpu(const void *a, const void *b) {
  uint64_t x = gkey[*(const uint32_t *)a], y = gkey[*(const uint32_t *)b];
  return x < y ? -1 : x > y;
}
static void flush_seg(void) {
  qsort(gused, ngused, sizeof gused[0], cmpu);
  for (uint32_t j = 0; j < ngused; j++) {
    uint32_t i = gused[j];
    printf("E %d %d %llu\n", (int32_t)(gkey[i] >> 32), (int32_t)(uint32_t)gkey[i],
           (unsigned long long)gcnt[i]);
    gcnt[i] = 0;
  }
  ngused = 0;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage\n"); return 2; }
  uint32_t mb = (uint32_t)strtoul(argv[1], 0, 0), me = (uint32_t)strtoul(argv[2], 0, 0);
  static char line[4096];
  int in_blk = 0, have_pend = 0;
  uint32_t pf = 0, pl = 0, bf = 0, bl = 0;
  int nb = 0;
  int seg = -1, in_seg = 0;
  int32_t prev = -1;
  uint64_t ntrace = 0, unknown = 0;
  while (fgets(line, sizeof line, stdin)) {
    if (line[0] == 'T' && !strncmp(line, "Trace ", 6)) {
      char *p = strchr(line, ':');
      if (!p) continue;
      uint64_t hp = strtoull(p + 1, &p, 16);
      p = strchr(p, '[');
      if (!p) continue;
      strtoul(p + 1, &p, 16);            /* cs_base */
      uint32_t pc = (uint32_t)strtoul(p + 1, &p, 16);
      ntrace++;
      if (have_pend && pf == pc) { ptr_set(hp, ext_id(pf, pl)); have_pend = 0; }
      int32_t id = ptr_get(hp);
      if (id < 0) { unknown++; continue; }
      if (pc == mb) {
        if (in_seg) fprintf(stderr, "tbcount: nested begin\n");
        in_seg = 1; seg++; prev = -1; printf("S %d\n", seg);
        continue;
      }
      if (!in_seg) continue;
      edge(prev, id);
      if (pc == me) { in_seg = 0; flush_seg(); continue; }
      prev = id;
    } else if (!strncmp(line, "IN:", 3)) {
      in_blk = 1; nb = 0;
    } else if (in_blk) {
      if (line[0] == '0' && line[1] == 'x') {
        uint32_t a = (uint32_t)strtoul(line, 0, 16);
        if (!nb) bf = a;
        bl = a; nb++;
      } else if (line[0] == '\n' || line[0] == '\r') {
        in_blk = 0;
        if (nb) { pf = bf; pl = bl; have_pend = 1; }
      }
    }
  }
  fprintf(stderr, "tbcount: %llu trace lines, %llu unbound, %d segments, %d blocks\n",
          (unsigned long long)ntrace, (unsigned long long)unknown, seg + 1, next_id);
  printf("END %llu %llu\n", (unsigned long long)ntrace, (unsigned long long)unknown);
  return unknown ? 1 : 0;
}
