CMakeFiles/citadel_shared.dir/src/storage/its.c.o: \
 /work/main/src/storage/its.c \
 /work/main/include/psa/internal_trusted_storage.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint.h \
 /usr/lib/gcc/x86_64-linux-gnu/12/include/stdint-gcc.h \
 /work/main/include/psa/error.h /work/main/include/psa/storage_common.h \
 /work/main/src/storage/storage.h /work/main/include/psa/error.h \
 /work/main/include/psa/storage_common.h
