CMakeFiles/citadel_shared.dir/src/crypto/attributes.c.o: \
 /work/main/src/crypto/attributes.c /work/main/src/crypto/core.h \
 /work/main/include/psa/crypto.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint-gcc.h \
 /work/main/include/psa/error.h /work/main/include/psa/crypto_types.h \
 /work/main/include/psa/crypto_values.h \
 /work/main/include/psa/crypto_sizes.h \
 /work/main/include/psa/crypto_struct.h \
 /work/main/src/crypto/config_derive.h \
 /work/main/include/citadel/citadel_config.h
