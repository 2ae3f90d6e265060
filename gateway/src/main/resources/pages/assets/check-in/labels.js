// Chinese names of the station codes the landing shows (the API speaks codes).

export const STATION_TYPES = {
  DRIVERS_HOME: '司机之家',
  LOVE_STATION: '爱心驿站',
  OUTDOOR_WORKER_STATION: '户外劳动者服务站',
  RIDER_HOME: '骑手之家',
  READING_ROOM: '职工书屋',
};

export const AMENITIES = {
  MICROWAVE: '微波炉',
  DRINKING_WATER: '饮用水',
  CHARGING: '充电',
  FIRST_AID_KIT: '医药箱',
  UMBRELLAS: '雨伞',
  WIFI: '无线网络',
  BOOKS: '图书',
  SEATS: '休息座椅',
  TOILET: '卫生间',
  SHOWER: '淋浴',
  TRUCK_PARKING: '货车停车',
  LAUNDRY: '洗衣',
  FILMS: '观影',
};
