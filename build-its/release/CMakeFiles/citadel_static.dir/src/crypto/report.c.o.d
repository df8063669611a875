CMakeFiles/citadel_static.dir/src/crypto/report.c.o: \
 /work/main/src/crypto/report.c /work/main/include/citadel/citadel.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /work/main/src/crypto/core.h /work/main/include/psa/crypto.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint-gcc.h \
 /work/main/include/psa/error.h /work/main/include/psa/crypto_types.h \
 /work/main/include/psa/crypto_values.h \
 /work/main/include/psa/crypto_sizes.h \
 /work/main/include/psa/crypto_struct.h \
 /work/main/src/crypto/config_derive.h \
 /work/main/include/citadel/citadel_config.h \
 /work/main/src/crypto/dispatch.h /work/main/src/drivers/x86/x86.h \
 /work/main/src/crypto/config_derive.h \
 /work/main/src/drivers/builtin/primitives.h
