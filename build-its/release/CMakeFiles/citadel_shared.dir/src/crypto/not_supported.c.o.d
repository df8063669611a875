CMakeFiles/citadel_shared.dir/src/crypto/not_supported.c.o: \
 /work/main/src/crypto/not_supported.c /work/main/include/psa/crypto.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint-gcc.h \
 /work/main/include/psa/error.h /work/main/include/psa/crypto_types.h \
 /work/main/include/psa/crypto_values.h \
 /work/main/include/psa/crypto_sizes.h \
 /work/main/include/psa/crypto_struct.h
