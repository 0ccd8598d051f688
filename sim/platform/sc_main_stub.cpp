// libsystemc.so references sc_main (for its own main()); mcusim executables have their
// own main and elaborate through mcusim::simulate(), so this is never called. CMake
// adds this file to every executable that links mcusim_sc.
extern "C" int sc_main(int, char**) { return 0; }
